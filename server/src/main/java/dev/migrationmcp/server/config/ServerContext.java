package dev.migrationmcp.server.config;

import dev.migrationmcp.tools.dryrun.RunningDryRuns;
import java.time.Duration;

/**
 * Everything the tools share for the life of the server: resolved settings, the target database,
 * the shadow cluster for dry runs and the dry runs in progress.
 */
public record ServerContext(ServerSettings settings, TargetDatabase target, ShadowCluster shadow, RunningDryRuns dryRuns)
    implements AutoCloseable {
  /** How long a shutdown waits for cancelled dry runs to roll back and drop their clones. */
  private static final Duration DRY_RUN_CANCEL_WAIT = Duration.ofSeconds(10);

  /** Starts the target (in the background when embedded); the shadow starts on first use. */
  public static ServerContext start(ServerSettings settings) {
    TargetDatabase target = TargetDatabase.start(settings);
    return new ServerContext(settings, target, new ShadowCluster(settings.shadowUrl(), target), new RunningDryRuns());
  }

  /** Cancels the dry runs in progress and waits (bounded) until they have rolled back; no new one starts. */
  public void cancelDryRuns() {
    try {
      dryRuns.cancelAll(DRY_RUN_CANCEL_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Cancels dry runs in progress, then stops the databases this process started. */
  @Override
  public void close() {
    cancelDryRuns();
    shadow.close();
    target.close();
  }
}
