package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.time.Duration;
import java.util.List;

/** One builder over the list of tools, shared by every transport. */
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
      - record_decision: when a schema choice is made for a reason worth keeping, record it.""";

  /** What this server offers; the early initialize answer uses the same object. */
  static final McpSchema.ServerCapabilities CAPABILITIES =
      McpSchema.ServerCapabilities.builder().tools(false).logging().build();

  private MigrationMcpServer() {}

  static McpSchema.Implementation serverInfo(String version) {
    return new McpSchema.Implementation("migration-mcp", "migration-mcp", version);
  }

  public static McpSyncServer create(McpServerTransportProvider transport, List<McpTool> tools, String version) {
    return McpServer.sync(transport)
        .serverInfo(serverInfo(version))
        .instructions(INSTRUCTIONS)
        .requestTimeout(Duration.ofMinutes(10))
        .capabilities(CAPABILITIES)
        .tools(tools.stream().map(McpTool::specification).toList())
        .build();
  }
}
