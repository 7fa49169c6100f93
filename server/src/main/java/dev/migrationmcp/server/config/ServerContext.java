package dev.migrationmcp.server.config;

/**
 * Everything the tools share for the life of the server: resolved settings, the target database
 * and the shadow cluster for dry runs.
 */
public record ServerContext(ServerSettings settings, TargetDatabase target, ShadowCluster shadow)
    implements AutoCloseable {

  /** Starts the target (in the background when embedded); the shadow starts on first use. */
  public static ServerContext start(ServerSettings settings) {
    TargetDatabase target = TargetDatabase.start(settings);
    return new ServerContext(settings, target, new ShadowCluster(settings.shadowUrl(), target));
  }

  @Override
  public void close() {
    shadow.close();
    target.close();
  }
}
