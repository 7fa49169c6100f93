package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

/** One MCP tool: builds its specification (name, description, schemas, annotations, handler). */
public interface McpTool {
  SyncToolSpecification specification();
}
