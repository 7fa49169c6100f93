package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import java.util.List;

/**
 * Everything one MCP server offers — tools, prompts, resources, resource templates and argument
 * completions, and the listing that adds decision records written later ({@code decisionListing},
 * null when the listed resources never change) — built
 * once per process and shared by every transport (stdio, Streamable HTTP, legacy SSE), so all of
 * them answer with the same handlers over the same {@link ServerContext}.
 */
public record McpFeatures(
    List<McpTool> tools,
    List<SyncPromptSpecification> prompts,
    List<SyncResourceSpecification> resources,
    List<SyncResourceTemplateSpecification> resourceTemplates,
    List<SyncCompletionSpecification> completions,
    DecisionListing decisionListing) {

  public McpFeatures {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
    resourceTemplates = List.copyOf(resourceTemplates);
    completions = List.copyOf(completions);
  }

  /** Features without completions, whose listed resources never change. */
  public McpFeatures(List<McpTool> tools, List<SyncPromptSpecification> prompts, List<SyncResourceSpecification> resources,
      List<SyncResourceTemplateSpecification> resourceTemplates) {
    this(tools, prompts, resources, resourceTemplates, List.of(), null);
  }

  /** The full feature set over a server context. */
  public static McpFeatures of(ServerContext context) {
    ProjectMigrations migrations = new ProjectMigrations(context);
    DatabaseAccess database = new DatabaseAccess(context.target());
    SchemaResources schema = new SchemaResources(database);
    DecisionResources decisions = new DecisionResources(context.settings().decisionsDir(), migrations);
    DecisionListing decisionListing = new DecisionListing(decisions);
    List<SyncResourceSpecification> resources = new java.util.ArrayList<>(List.of(schema.tables()));
    resources.addAll(decisionListing.initial());
    return new McpFeatures(
        ToolRegistry.all(context, decisionListing::refresh),
        PromptRegistry.all(context).stream().map(McpPrompt::specification).toList(),
        resources,
        List.of(schema.table(),
            new MigrationResources(migrations, new MigrationFileHistory(context, migrations)).migration(),
            decisions.template()),
        new Completions(migrations, database, decisions).all(),
        decisionListing);
  }
}
