package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import java.util.List;

/** The one explicit list of prompts (slash commands) this server offers. */
public final class PromptRegistry {
  private PromptRegistry() {}

  public static List<McpPrompt> all(ServerContext context) {
    ProjectMigrations migrations = new ProjectMigrations(context);
    return List.of(
        new ReviewMigrationPrompt(migrations),
        new PlanExpandContractPrompt(migrations),
        new WriteMigrationPrompt(migrations));
  }
}
