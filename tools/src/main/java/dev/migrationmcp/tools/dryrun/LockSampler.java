package dev.migrationmcp.tools.dryrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches another backend's relation locks from a second session while it runs a statement
 * outside a transaction (CREATE INDEX CONCURRENTLY and friends release their locks before the
 * runner could look). Sampling every few milliseconds sees every lock a statement holds for
 * longer than that — the ones that matter.
 */
final class LockSampler implements AutoCloseable {
  private static final String QUERY = """
      SELECT n.nspname || '.' || c.relname, c.relkind::text, l.mode, c.oid::bigint
      FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted
        AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')""";

  private final Connection monitor;
  private final int pid;
  private final BackendState before;
  private final Map<String, String[]> strongest = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile SQLException failure;

  /** @param before the state before the statement: locks on relations it creates are left out */
  LockSampler(Connection monitor, int pid, BackendState before) {
    this.monitor = monitor;
    this.pid = pid;
    this.before = before;
    this.thread = new Thread(this::sample, "lock-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    try (PreparedStatement ps = monitor.prepareStatement(QUERY)) {
      ps.setInt(1, pid);
      while (running) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (!before.existed(rs.getLong(4))) {
              continue;
            }
            String relation = rs.getString(1);
            String kind = rs.getString(2);
            String mode = rs.getString(3);
            synchronized (strongest) {
              strongest.merge(relation, new String[] {kind, mode},
                  (a, b) -> BackendState.MODES.indexOf(b[1]) > BackendState.MODES.indexOf(a[1]) ? b : a);
            }
          }
        }
        Thread.sleep(2);
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops sampling and returns the strongest lock seen per relation. */
  List<ObservedLock> stop() {
    running = false;
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<ObservedLock> out = new ArrayList<>();
    synchronized (strongest) {
      strongest.forEach((relation, km) -> out.add(new ObservedLock(relation, BackendState.kindName(km[0]), km[1])));
    }
    out.sort(BackendState.STRONGEST_FIRST);
    return out;
  }

  SQLException failure() {
    return failure;
  }

  @Override
  public void close() {
    running = false;
  }
}
