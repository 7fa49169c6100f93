package dev.migrationmcp.tools.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A throwaway PostgreSQL 17 cluster (io.zonky binaries) in a temporary directory, deleted on
 * {@link #close()}. It is what a user without a database of their own gets.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static volatile boolean stopAtJvmExit = true;

  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  /**
   * Clusters started from now on are stopped only by {@link #close()}, not by a JVM shutdown hook
   * of their own. For a process whose own shutdown hook closes them in order: a hook running beside
   * it would stop PostgreSQL under a dry run that is still being cancelled and rolled back.
   */
  public static void stopOnlyOnClose() {
    stopAtJvmExit = false;
  }

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /**
   * Starts a new cluster on a free port (initdb included, about a second), after stopping the
   * clusters of servers that were killed (see {@link OrphanClusters}).
   */
  public static EmbeddedPostgresServer start() {
    try {
      Path parent = Files.createDirectories(EmbeddedDataDirectory.parent());
      Path dataDir = Files.createTempDirectory(parent, OrphanClusters.DATA_DIR_PREFIX);
      EmbeddedDataDirectory.candidates().forEach(OrphanClusters::reap);
      OrphanClusters.claim(dataDir);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(true)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setRegisterShutdownHook(stopAtJvmExit)
          // Small and quiet: this cluster only ever holds a schema and a few sample rows.
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "100")
          .setServerConfig("shared_buffers", "64MB")
          .setServerConfig("max_locks_per_transaction", "512")
          .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
          .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
          .start();
      return new EmbeddedPostgresServer(pg, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** A URL for {@code database} on this cluster, as the superuser {@code postgres}. */
  public DatabaseUrl url(String database) {
    return DatabaseUrl.local(port(), database, "postgres");
  }

  /** Creates {@code database} if it does not exist yet and returns its URL. */
  public DatabaseUrl createDatabase(String database) {
    try (var c = Databases.connect(url("postgres")); var s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
    }
    return url(database);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      OrphanClusters.release(dataDir);
    }
  }
}
