package dev.migrationmcp.tools.dryrun;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dry runs in progress in this process, so that a shutdown (SIGTERM) can cancel them and wait
 * until each has rolled back and dropped its clone, instead of leaving that to PostgreSQL noticing
 * a dead client. After {@link #cancelAll} no new dry run starts.
 */
public final class RunningDryRuns {
  private static final long CANCEL_REPEAT_MS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(RunningDryRuns.class);

  private final Set<DryRun> running = ConcurrentHashMap.newKeySet();
  private boolean closed;

  /**
   * Runs {@code dryRun} as one of the running ones.
   *
   * @throws IllegalStateException when the process is shutting down
   */
  public DryRunReport run(DryRun dryRun, DryRun.Request request, DryRun.Progress progress) throws SQLException {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the server is shutting down: no new dry run starts");
      }
      running.add(dryRun);
    }
    try {
      return dryRun.run(request, progress);
    } finally {
      synchronized (this) {
        running.remove(dryRun);
        notifyAll();
      }
    }
  }

  /**
   * Refuses new dry runs, cancels the running ones (again every {@value #CANCEL_REPEAT_MS} ms, since
   * a cancel only reaches the statement running when it arrives) and waits until they have ended.
   *
   * @return true when none is left running within {@code timeout}
   */
  public synchronized boolean cancelAll(Duration timeout) throws InterruptedException {
    closed = true;
    if (!running.isEmpty()) {
      LOG.info("cancelling {} dry run(s) in progress", running.size());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!running.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      running.forEach(DryRun::cancel);
      wait(Math.max(1, Math.min(CANCEL_REPEAT_MS, left / 1_000_000)));
    }
    return true;
  }
}
