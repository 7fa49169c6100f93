package dev.migrationmcp.tools.dryrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the sequences a live dry run advanced, which its rollback does not undo. Before the run it
 * reads every sequence's last value ({@code pg_sequences}); after the rollback, on the same session,
 * each one that moved is confirmed with {@code currval}, which only answers for sequences this
 * session took a value from, so a concurrent workload advancing the same sequence is not blamed
 * on the dry run, and {@code to} is the run's own last value.
 */
final class SequenceWatch {
  private static final String LAST_VALUES = """
      SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value FROM pg_sequences
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema')""";

  private final Map<String, Long> before;

  private SequenceWatch(Map<String, Long> before) {
    this.before = before;
  }

  /** Reads the last values now; call before the run starts (the connection in autocommit). */
  static SequenceWatch start(Connection c) throws SQLException {
    return new SequenceWatch(lastValues(c));
  }

  /** After the rollback, on the same connection: the sequences this session advanced. */
  List<SequenceAdvance> advanced(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true); // each currval on its own: one for an untouched sequence fails with 55000
    try {
      List<SequenceAdvance> out = new ArrayList<>();
      for (Map.Entry<String, Long> now : lastValues(c).entrySet()) {
        Long from = before.get(now.getKey());
        if (!before.containsKey(now.getKey()) || Objects.equals(from, now.getValue())) {
          continue; // created by someone else meanwhile, or not moved
        }
        Long own = currval(c, now.getKey());
        if (own != null) {
          out.add(new SequenceAdvance(now.getKey(), from, own));
        }
      }
      return out;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static Long currval(Connection c, String sequence) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT currval(?::regclass)")) {
      s.setString(1, sequence);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    } catch (SQLException e) {
      if ("55000".equals(e.getSQLState()) || "42P01".equals(e.getSQLState()) || "42501".equals(e.getSQLState())) {
        return null; // not taken by this session, dropped meanwhile, or not readable by this role
      }
      throw e;
    }
  }

  private static Map<String, Long> lastValues(Connection c) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LAST_VALUES)) {
      while (rs.next()) {
        long v = rs.getLong(2);
        out.put(rs.getString(1), rs.wasNull() ? null : v);
      }
    }
    return out;
  }
}
