package dev.migrationmcp.server.mcp;

import dev.migrationmcp.memory.history.AppliedHistory;
import dev.migrationmcp.memory.history.FlywayHistory;
import dev.migrationmcp.memory.index.MemorySettings;
import dev.migrationmcp.memory.index.MigrationIndex;
import dev.migrationmcp.memory.index.RefreshStats;
import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.config.TargetDatabase;
import dev.migrationmcp.tools.db.DatabaseUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's memory index for the search and decision tools: opened on first use from the
 * server settings (index and decisions directories, migration locations) and, with a live
 * database, fed with its {@code flyway_schema_history}. The embedded database's history is not
 * used: its rows record a replay, not when the project applied anything.
 */
public final class MemoryAccess {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryAccess.class);

  private final ServerSettings settings;
  private final TargetDatabase target;
  private volatile MigrationIndex index;

  public MemoryAccess(TargetDatabase target) {
    this(target.settings(), target);
  }

  public MemoryAccess(ServerSettings settings, TargetDatabase target) {
    this.settings = settings;
    this.target = target;
  }

  /** The index, opened (not yet built) on first call. */
  public MigrationIndex index() {
    MigrationIndex i = index;
    if (i == null) {
      synchronized (this) {
        if (index == null) {
          index = MigrationIndex.open(memorySettings(settings, history()));
        }
        i = index;
      }
    }
    return i;
  }

  /**
   * Builds or refreshes the index in a background thread, so that the first search is fast and
   * {@code initialize} never waits. Does nothing for a project without migration folders.
   */
  public void warmUpInBackground() {
    if (settings == null || migrationDirs(settings).isEmpty()) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        RefreshStats stats = index().refresh();
        LOG.info("memory index: {} documents ({} updated, {} removed{}) in {} ms", stats.documents(), stats.updated(),
            stats.removed(), stats.rebuilt() ? ", rebuilt" : "", stats.millis());
      } catch (RuntimeException e) {
        LOG.warn("memory index warm-up failed (searches will retry): {}", e.getMessage());
      }
    }, "memory-index-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private AppliedHistory history() {
    if (target == null || !target.isLive() || settings == null || settings.databaseUrl() == null) {
      return null;
    }
    DatabaseUrl url = settings.databaseUrl();
    return FlywayHistory.from(url);
  }

  /** Memory settings for the server settings: migration folders from the Flyway locations, both memory directories. */
  public static MemorySettings memorySettings(ServerSettings settings, AppliedHistory history) {
    return MemorySettings.of(settings.projectDir(), migrationDirs(settings), settings.indexDir(), settings.decisionsDir())
        .withHistory(history);
  }

  /** The filesystem folders among the Flyway locations ({@code classpath:} ones are skipped). */
  static List<Path> migrationDirs(ServerSettings settings) {
    List<Path> dirs = new ArrayList<>();
    for (String location : settings.migrationLocations()) {
      String l = location.trim();
      if (l.startsWith("classpath:") || l.isEmpty()) {
        continue;
      }
      String path = l.startsWith("filesystem:") ? l.substring("filesystem:".length()) : l;
      dirs.add(settings.projectDir().resolve(path).normalize());
    }
    return dirs;
  }
}
