package dev.migrationmcp.server.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches a shadow PostgreSQL for dry-run clones ({@code mmcp_dry_*} databases) every few
 * milliseconds from a thread of its own. A dry run creates its clone, runs, and drops it while it
 * holds the server's per-target lock, so two clones seen at once are two dry runs overlapping.
 */
final class DryRunOverlapSampler implements AutoCloseable {
  private static final long INTERVAL_MS = 10;

  private final Connection connection;
  private final Thread thread;
  private final AtomicInteger maxClones = new AtomicInteger();
  private final AtomicInteger samplesWithClone = new AtomicInteger();
  private volatile boolean running = true;
  private volatile SQLException failure;

  /** Samples the cluster at {@code 127.0.0.1:port} as {@code user}. */
  DryRunOverlapSampler(int port, String user) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("ApplicationName", "migration-mcp-test-sampler");
    connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
    thread = new Thread(this::sample, "dry-run-overlap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    try (Statement s = connection.createStatement()) {
      while (running) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'mmcp\\_dry\\_%'")) {
          rs.next();
          int clones = rs.getInt(1);
          maxClones.accumulateAndGet(clones, Math::max);
          if (clones > 0) {
            samplesWithClone.incrementAndGet();
          }
        }
        Thread.sleep(INTERVAL_MS);
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The most clones seen at one time. */
  int maxConcurrentClones() {
    return maxClones.get();
  }

  /** How many samples saw a dry run in progress (zero means the sampler proves nothing). */
  int samplesWithClone() {
    return samplesWithClone.get();
  }

  @Override
  public void close() throws SQLException, InterruptedException {
    running = false;
    thread.join(5_000);
    connection.close();
    if (failure != null) {
      throw failure;
    }
  }
}
