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
      - inspect_schema: call before writing a migration, to see the tables, columns, constraints, \
      indexes, foreign keys (and whether they are indexed), enums, views, row estimates and sizes. \
      Without arguments it lists every table compactly; pass tables: [...] for full detail.
      Never guess table or column names: inspect first.""";

  private MigrationMcpServer() {}

  public static McpSyncServer create(McpServerTransportProvider transport, List<McpTool> tools, String version) {
    return McpServer.sync(transport)
        .serverInfo(new McpSchema.Implementation("migration-mcp", "migration-mcp", version))
        .instructions(INSTRUCTIONS)
        .requestTimeout(Duration.ofMinutes(10))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
        .tools(tools.stream().map(McpTool::specification).toList())
        .build();
  }
}
