package dev.migrationmcp.server.config;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.EmbeddedPostgresServer;
import dev.migrationmcp.tools.dryrun.ShadowDatabases;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where dry runs make their disposable databases: {@code --shadow-url} when given; otherwise the
 * embedded cluster the server already runs; otherwise (a live target and no shadow URL) an embedded
 * cluster started on the first dry run and stopped with the server. Orphans of killed processes
 * are dropped the first time the cluster is used.
 */
public final class ShadowCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowCluster.class);

  private final DatabaseUrl configured;
  private final TargetDatabase target;
  private final ShadowDatabases databases = new ShadowDatabases(this::adminUrl);
  private DatabaseUrl admin;
  private EmbeddedPostgresServer own;
  private boolean cleaned;

  public ShadowCluster(DatabaseUrl configured, TargetDatabase target) {
    this.configured = configured;
    this.target = target;
  }

  public ShadowDatabases databases() {
    return databases;
  }

  /** Where the shadow databases live, safe to print. */
  public synchronized String describe() {
    if (configured != null) {
      return "shadow server " + configured.describe();
    }
    return target.isLive() ? "embedded PostgreSQL (shadow)" : "the embedded PostgreSQL";
  }

  private synchronized DatabaseUrl adminUrl() {
    if (admin == null) {
      if (configured != null) {
        admin = configured;
      } else {
        admin = target.embeddedAdmin(Duration.ofMinutes(3)).orElseGet(() -> {
          LOG.info("starting an embedded PostgreSQL for dry runs");
          own = EmbeddedPostgresServer.start();
          return own.url("postgres");
        });
      }
    }
    if (!cleaned) {
      cleaned = true;
      var dropped = databases.dropOrphans();
      if (!dropped.isEmpty()) {
        LOG.info("dropped {} shadow database(s) left by a killed process: {}", dropped.size(), dropped);
      }
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    if (own != null) {
      own.close();
      own = null;
    }
  }
}
