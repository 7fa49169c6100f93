package dev.migrationmcp.tools.dryrun;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runner's own backend holds and has done so far in its transaction: relation locks
 * ({@code pg_locks}), storage files ({@code pg_class.relfilenode}) and table activity
 * ({@code pg_stat_xact_user_tables}). The difference between two captures is what one statement
 * did. System catalogs are left out: every statement touches them.
 */
final class BackendState {
  private static final String LOCKS = """
      SELECT c.oid::bigint, n.nspname || '.' || c.relname, c.relkind::text, l.mode
      FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
        AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')""";
  private static final String FILES = """
      SELECT c.oid::bigint, n.nspname || '.' || c.relname, c.relkind::text, c.relfilenode::bigint
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'm', 'i', 't') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND c.relfilenode <> 0""";
  private static final String STATS = """
      SELECT relid::bigint, schemaname || '.' || relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0),
             n_tup_ins, n_tup_upd, n_tup_del
      FROM pg_stat_xact_user_tables""";

  /** Lock modes from weakest to strongest, as pg_locks spells them. */
  static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
      "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

  /** Strongest mode first; tables before their indexes; then by name. */
  static final java.util.Comparator<ObservedLock> STRONGEST_FIRST = java.util.Comparator
      .comparingInt((ObservedLock l) -> -MODES.indexOf(l.mode()))
      .thenComparing(l -> !l.kind().equals("table"))
      .thenComparing(ObservedLock::relation);

  record Relation(String name, String kind) {}

  final Map<Long, Relation> relations = new HashMap<>();
  final Map<Long, String> strongestLock = new HashMap<>();
  final Map<Long, Long> files = new HashMap<>();
  final Map<Long, long[]> stats = new HashMap<>();

  static BackendState capture(Connection c) throws SQLException {
    BackendState state = new BackendState();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(LOCKS)) {
        while (rs.next()) {
          long oid = rs.getLong(1);
          state.relations.put(oid, new Relation(rs.getString(2), rs.getString(3)));
          state.strongestLock.merge(oid, rs.getString(4), BackendState::stronger);
        }
      }
      try (ResultSet rs = s.executeQuery(FILES)) {
        while (rs.next()) {
          long oid = rs.getLong(1);
          state.relations.putIfAbsent(oid, new Relation(rs.getString(2), rs.getString(3)));
          state.files.put(oid, rs.getLong(4));
        }
      }
      try (ResultSet rs = s.executeQuery(STATS)) {
        while (rs.next()) {
          long oid = rs.getLong(1);
          state.relations.putIfAbsent(oid, new Relation(rs.getString(2), "r"));
          state.stats.put(oid, new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)});
        }
      }
    }
    return state;
  }

  static String stronger(String a, String b) {
    return MODES.indexOf(a) >= MODES.indexOf(b) ? a : b;
  }

  static String kindName(String relkind) {
    return switch (relkind) {
      case "i", "I" -> "index";
      case "t" -> "toast";
      case "m" -> "materialized view";
      case "v" -> "view";
      case "S" -> "sequence";
      case "p" -> "partitioned table";
      default -> "table";
    };
  }

  /** Whether the relation existed when this state was captured. */
  boolean existed(long oid) {
    return files.containsKey(oid) || relations.containsKey(oid);
  }

  /**
   * Locks held now that were not held (or were weaker) before, on relations that existed before:
   * the lock a statement holds on a table or index it creates blocks nobody.
   */
  List<ObservedLock> newLocks(BackendState before) {
    List<ObservedLock> out = new ArrayList<>();
    strongestLock.forEach((oid, mode) -> {
      if (!before.existed(oid)) {
        return;
      }
      String previous = before.strongestLock.get(oid);
      if (previous == null || MODES.indexOf(mode) > MODES.indexOf(previous)) {
        Relation r = relations.get(oid);
        out.add(new ObservedLock(r.name(), kindName(r.kind()), mode));
      }
    });
    out.sort(STRONGEST_FIRST);
    return out;
  }

  /** Relations that existed before and now have a new storage file. */
  List<String> rewrites(BackendState before) {
    List<String> out = new ArrayList<>();
    files.forEach((oid, file) -> {
      Long previous = before.files.get(oid);
      if (previous != null && !previous.equals(file)) {
        Relation r = relations.get(oid);
        out.add(r.name() + (r.kind().equals("r") || r.kind().equals("m") ? "" : " (" + kindName(r.kind()) + ")"));
      }
    });
    out.sort(null);
    return out;
  }

  /** Table activity since {@code before}. */
  List<ObservedScan> scans(BackendState before) {
    List<ObservedScan> out = new ArrayList<>();
    stats.forEach((oid, now) -> {
      long[] then = before.stats.getOrDefault(oid, new long[5]);
      long[] d = new long[5];
      boolean any = false;
      for (int i = 0; i < 5; i++) {
        d[i] = now[i] - then[i];
        any |= d[i] != 0;
      }
      if (any) {
        out.add(new ObservedScan(relations.get(oid).name(), d[0], d[1], d[2], d[3], d[4]));
      }
    });
    out.sort((a, b) -> a.table().compareTo(b.table()));
    return out;
  }
}
