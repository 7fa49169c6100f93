package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;

/**
 * One builder over the features (tools, prompts, resources), shared by every transport: stdio and
 * legacy SSE are single-session providers, Streamable HTTP is a streamable one; each gets its own
 * server over the same {@link McpFeatures}.
 */
public final class MigrationMcpServer {
  static final String INSTRUCTIONS = """
      Evidence about a PostgreSQL schema and the migrations that change it, from a real database.
      - inspect_schema: before writing a migration, see the tables involved (columns, constraints, indexes, \
      foreign keys and whether they are indexed, row estimates, sizes). Never guess names or types.
      - search_past_migrations: before deciding how to change a table, search what was done before and why \
      (migrations, commits, decision records).
      - lint_migration: on every migration you write: locks, rewrites, destructive changes, with the safe rewrite.
      - dry_run: before proposing it: runs it on a disposable copy and reports locks, rewrites, errors, the schema \
      diff and whether the down migration undoes it. Nothing is kept.
      - record_decision: when a schema choice is made for a reason worth keeping, record it.
      - migration_status: what is applied, pending, failed, missing or edited, and schema drift of the live database.""";

  private MigrationMcpServer() {}

  static McpSchema.Implementation serverInfo(String version) {
    return new McpSchema.Implementation("migration-mcp", "migration-mcp", version);
  }

  /**
   * What the standard feature list ({@link McpFeatures#of}) offers — tools, logging, prompts,
   * resources and completions — known before the features are built, so initialize can be answered at once. A test
   * checks it equals {@link #capabilities(McpFeatures)} of the real list.
   */
  public static McpSchema.ServerCapabilities standardCapabilities() {
    return McpSchema.ServerCapabilities.builder().tools(false).logging().prompts(false).resources(false, true)
        .completions().build();
  }

  /** What this server offers; the early initialize answer uses the same computation. */
  static McpSchema.ServerCapabilities capabilities(McpFeatures features) {
    McpSchema.ServerCapabilities.Builder capabilities = McpSchema.ServerCapabilities.builder().tools(false).logging();
    if (!features.prompts().isEmpty()) {
      capabilities.prompts(false);
    }
    if (!features.resources().isEmpty() || !features.resourceTemplates().isEmpty()) {
      // listChanged: decision records written during the session are added to the list.
      capabilities.resources(false, features.decisionListing() != null);
    }
    if (!features.completions().isEmpty()) {
      capabilities.completions();
    }
    return capabilities.build();
  }

  /** A server over a single-session transport (stdio, legacy HTTP+SSE). */
  public static McpSyncServer create(McpServerTransportProvider transport, McpFeatures features, String version) {
    return attached(configure(McpServer.sync(transport), features, version).build(), features);
  }

  /** A server over the Streamable HTTP transport. */
  public static McpSyncServer create(McpStreamableServerTransportProvider transport, McpFeatures features, String version) {
    return attached(configure(McpServer.sync(transport), features, version).build(), features);
  }

  private static McpSyncServer attached(McpSyncServer server, McpFeatures features) {
    if (features.decisionListing() != null) {
      features.decisionListing().attach(server);
    }
    return server;
  }

  private static McpServer.SyncSpecification<?> configure(McpServer.SyncSpecification<?> spec, McpFeatures features,
      String version) {
    return spec
        .serverInfo(serverInfo(version))
        .instructions(INSTRUCTIONS)
        .requestTimeout(Duration.ofMinutes(10))
        .capabilities(capabilities(features))
        .tools(features.tools().stream().map(McpTool::specification).toList())
        .prompts(features.prompts())
        .resources(features.resources())
        .resourceTemplates(features.resourceTemplates())
        .completions(features.completions());
  }
}
