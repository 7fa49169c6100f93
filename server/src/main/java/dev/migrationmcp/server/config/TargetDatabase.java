package dev.migrationmcp.server.config;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.EmbeddedPostgresServer;
import dev.migrationmcp.tools.flyway.MigrationReplay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the tools read: the configured live one, or an embedded PostgreSQL started in the
 * background with the project's migrations replayed into it. Startup never waits for it; a tool
 * that needs it calls {@link #await}.
 */
public final class TargetDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TargetDatabase.class);
  private static final String EMBEDDED_DATABASE = "app";

  private final DatabaseUrl liveUrl;
  private final List<String> migrationLocations;
  private final CompletableFuture<DatabaseUrl> ready = new CompletableFuture<>();
  private volatile EmbeddedPostgresServer embedded;
  private volatile String phase = "starting the embedded PostgreSQL";
  private volatile boolean closed;
  private ServerSettings settings;

  private TargetDatabase(DatabaseUrl liveUrl, List<String> migrationLocations) {
    this.liveUrl = liveUrl;
    this.migrationLocations = List.copyOf(migrationLocations);
  }

  /** Creates the target for {@code settings} and, for the embedded case, starts it in the background. */
  public static TargetDatabase start(ServerSettings settings) {
    TargetDatabase target = new TargetDatabase(settings.databaseUrl(), settings.migrationLocations());
    target.settings = settings;
    if (target.liveUrl != null) {
      target.ready.complete(target.liveUrl);
    } else {
      Thread starter = new Thread(target::startEmbedded, "embedded-postgres-start");
      starter.setDaemon(true);
      starter.start();
    }
    return target;
  }

  private void startEmbedded() {
    try {
      long t0 = System.nanoTime();
      EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
      synchronized (this) {
        if (closed) {
          server.close();
          return;
        }
        embedded = server;
      }
      DatabaseUrl url = server.createDatabase(EMBEDDED_DATABASE);
      phase = "replaying " + migrationLocations.size() + " migration location(s)";
      int applied = MigrationReplay.migrate(url, migrationLocations.toArray(String[]::new));
      LOG.info("embedded PostgreSQL ready on port {} with {} migration(s) applied in {} ms",
          server.port(), applied, (System.nanoTime() - t0) / 1_000_000);
      ready.complete(url);
    } catch (RuntimeException e) {
      LOG.warn("embedded database failed: {}", e.getMessage());
      ready.completeExceptionally(e);
    }
  }

  /**
   * The embedded cluster's maintenance database (for shadow databases), once it is up; empty
   * when the target is a live database.
   */
  public java.util.Optional<DatabaseUrl> embeddedAdmin(Duration timeout) {
    if (liveUrl != null) {
      return java.util.Optional.empty();
    }
    await(timeout, phase -> { });
    EmbeddedPostgresServer server = embedded;
    return server == null ? java.util.Optional.empty() : java.util.Optional.of(server.url("postgres"));
  }

  /** The project's Flyway locations. */
  public List<String> migrationLocations() {
    return migrationLocations;
  }

  /** The settings this target was started from (project, memory index and decisions directories). */
  public ServerSettings settings() {
    return settings;
  }

  public boolean isLive() {
    return liveUrl != null;
  }

  /** Where the data comes from, safe to print. */
  public String describe() {
    return liveUrl != null ? liveUrl.describe() : "embedded PostgreSQL with the project's migrations replayed";
  }

  /**
   * Waits until the database is usable.
   *
   * @param progress called about every 250 ms with what is happening, while waiting
   * @throws IllegalStateException with a user-facing message when it could not be started
   */
  public DatabaseUrl await(Duration timeout, Consumer<String> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return ready.get(250, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the database is still not ready after " + timeout.toSeconds()
              + " s (" + phase + "); try again in a moment");
        }
        progress.accept(phase);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the database");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw new IllegalStateException("the embedded database could not be prepared while " + phase + ": "
            + firstLine(cause.getMessage()), cause);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String trimmed = message.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl) + " …";
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }
}
