package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Answers {@code initialize} before the SDK server is built, so a client sees the server ready in
 * the time the JVM takes to start rather than the time the SDK takes to assemble. The answer is
 * exactly the SDK's (same negotiation rule, capabilities, server info and instructions, serialized
 * by the SDK's mapper); the request is still handed to the SDK so its session state is the same,
 * and the SDK's own answer to it is dropped.
 */
public final class EarlyInitialize {
  /** The SDK's default list for stdio, oldest first. */
  private static final List<String> VERSIONS = List.of(ProtocolVersions.MCP_2024_11_05,
      ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

  private final String version;
  private final McpSchema.ServerCapabilities capabilities;

  /** Loads and initializes what answering takes (Jackson mappers, SDK records) ahead of time. */
  public static void warmUp() {
    new EarlyInitialize("warm-up", MigrationMcpServer.standardCapabilities()).answer(Json.WIRE.readTree(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}"));
  }

  EarlyInitialize(String version, McpSchema.ServerCapabilities capabilities) {
    this.version = version;
    this.capabilities = capabilities;
  }

  /** The answer for a well-formed initialize request, or null to leave it to the SDK. */
  String answer(JsonNode request) {
    JsonNode requested = request.path("params").path("protocolVersion");
    if (!request.path("method").asString("").equals("initialize") || !request.has("id") || !requested.isString()) {
      return null;
    }
    String negotiated = VERSIONS.contains(requested.asString()) ? requested.asString() : VERSIONS.get(VERSIONS.size() - 1);
    Object id = request.get("id").isIntegralNumber() ? (Object) request.get("id").asLong() : request.get("id").asString();
    McpSchema.InitializeResult result = new McpSchema.InitializeResult(negotiated, capabilities,
        MigrationMcpServer.serverInfo(version), MigrationMcpServer.INSTRUCTIONS);
    try {
      return Json.MCP.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, result, null));
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
