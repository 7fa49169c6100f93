package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import java.util.List;

/**
 * Everything one MCP server offers — tools, prompts, resources and resource templates — built
 * once per process and shared by every transport (stdio, Streamable HTTP, legacy SSE), so all of
 * them answer with the same handlers over the same {@link ServerContext}.
 */
public record McpFeatures(
    List<McpTool> tools,
    List<SyncPromptSpecification> prompts,
    List<SyncResourceSpecification> resources,
    List<SyncResourceTemplateSpecification> resourceTemplates) {

  public McpFeatures {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
    resourceTemplates = List.copyOf(resourceTemplates);
  }

  /** The full feature set over a server context. */
  public static McpFeatures of(ServerContext context) {
    ProjectMigrations migrations = new ProjectMigrations(context);
    SchemaResources schema = new SchemaResources(new DatabaseAccess(context.target()));
    return new McpFeatures(
        ToolRegistry.all(context),
        PromptRegistry.all(context).stream().map(McpPrompt::specification).toList(),
        List.of(schema.tables()),
        List.of(schema.table(), new MigrationResources(migrations).migration()));
  }
}
