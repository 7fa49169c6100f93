package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import java.util.List;

/** The one explicit list of tools this server offers (no classpath scanning). */
public final class ToolRegistry {
  private ToolRegistry() {}

  /**
   * @param decisionRecorded told after record_decision wrote a record, so that it is listed as a resource at once
   */
  public static List<McpTool> all(ServerContext context, Runnable decisionRecorded) {
    DatabaseAccess database = new DatabaseAccess(context.target());
    MemoryAccess memory = new MemoryAccess(context.target());
    memory.warmUpInBackground();
    return List.of(
        new InspectSchemaTool(database),
        new LintMigrationTool(context, database),
        new DryRunTool(context, database, new dev.migrationmcp.tools.dryrun.LintPredictor()),
        new SearchPastMigrationsTool(memory),
        new RecordDecisionTool(memory, decisionRecorded),
        new MigrationStatusTool(context, database));
  }
}
