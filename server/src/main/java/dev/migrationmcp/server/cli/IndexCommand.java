package dev.migrationmcp.server.cli;

import dev.migrationmcp.memory.history.AppliedHistory;
import dev.migrationmcp.memory.history.FlywayHistory;
import dev.migrationmcp.memory.index.MigrationIndex;
import dev.migrationmcp.memory.index.RefreshStats;
import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.mcp.MemoryAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code index}: brings the memory index up to date (or rebuilds it) and says what it did. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Refresh the memory index of past migrations and decisions (--rebuild: from scratch).")
final class IndexCommand extends PrintingCommand {
  @Mixin ProjectOptions options;

  @Option(names = "--rebuild", description = "Re-index every migration and decision, not only what changed.")
  boolean rebuild;

  @Override
  public Integer call() throws Exception {
    ServerSettings settings = options.resolve();
    AppliedHistory history = settings.databaseUrl() == null ? null : FlywayHistory.from(settings.databaseUrl());
    try (MigrationIndex index = MigrationIndex.open(MemoryAccess.memorySettings(settings, history))) {
      RefreshStats stats = rebuild ? index.rebuild() : index.refresh();
      stdout.printf("memory index %s: %d documents, %d (re)indexed, %d removed%s in %d ms%n",
          stats.inMemory() ? "(in memory: the directory is used by another process)" : settings.indexDir().toString(),
          stats.documents(), stats.updated(), stats.removed(), stats.rebuilt() ? ", rebuilt" : "", stats.millis());
    }
    return 0;
  }
}
