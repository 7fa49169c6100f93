package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.TargetDatabase;
import java.util.List;

/** The one explicit list of tools this server offers (no classpath scanning). */
public final class ToolRegistry {
  private ToolRegistry() {}

  public static List<McpTool> all(TargetDatabase target) {
    DatabaseAccess database = new DatabaseAccess(target);
    MemoryAccess memory = new MemoryAccess(target);
    memory.warmUpInBackground();
    return List.of(new InspectSchemaTool(database),
        new SearchPastMigrationsTool(memory),
        new RecordDecisionTool(memory));
  }
}
