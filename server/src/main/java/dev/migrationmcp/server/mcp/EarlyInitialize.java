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

  /** A request's id (as JSON text, the way {@code JsonNode.toString()} prints it) and the answer to send. */
  record Fast(String id, String answer) {}

  private static final tools.jackson.core.json.JsonFactory STREAMING = new tools.jackson.core.json.JsonFactory();

  /**
   * The answer for a well-formed initialize request, read and written with Jackson's streaming
   * parser and generator only: the first answer must not wait for a data-binding mapper to start
   * (about 100 ms). Null when the line is anything else, which then takes the ordinary path.
   */
  Fast fast(String line) {
    String id = null;
    String method = null;
    String jsonrpc = null;
    String requested = null;
    try (tools.jackson.core.JsonParser p = STREAMING.createParser(tools.jackson.core.ObjectReadContext.empty(), line)) {
      if (p.nextToken() != tools.jackson.core.JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        tools.jackson.core.JsonToken value = p.nextToken();
        switch (name) {
          case "jsonrpc" -> jsonrpc = value == tools.jackson.core.JsonToken.VALUE_STRING ? p.getString() : null;
          case "method" -> method = value == tools.jackson.core.JsonToken.VALUE_STRING ? p.getString() : null;
          case "id" -> {
            if (value == tools.jackson.core.JsonToken.VALUE_NUMBER_INT
                && p.getNumberType() == tools.jackson.core.JsonParser.NumberType.INT
                || value == tools.jackson.core.JsonToken.VALUE_NUMBER_INT
                && p.getNumberType() == tools.jackson.core.JsonParser.NumberType.LONG) {
              id = Long.toString(p.getLongValue());
            } else if (value == tools.jackson.core.JsonToken.VALUE_STRING) {
              id = quote(p.getString());
            } else {
              return null;
            }
          }
          case "params" -> {
            if (value != tools.jackson.core.JsonToken.START_OBJECT) {
              return null;
            }
            while (p.nextToken() == tools.jackson.core.JsonToken.PROPERTY_NAME) {
              String param = p.currentName();
              tools.jackson.core.JsonToken v = p.nextToken();
              if (param.equals("protocolVersion") && v == tools.jackson.core.JsonToken.VALUE_STRING) {
                requested = p.getString();
              } else {
                p.skipChildren();
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != tools.jackson.core.JsonToken.END_OBJECT || p.nextToken() != null) {
        return null;
      }
    } catch (RuntimeException e) {
      return null;
    }
    if (!"2.0".equals(jsonrpc) || !"initialize".equals(method) || id == null || requested == null) {
      return null;
    }
    String negotiated = VERSIONS.contains(requested) ? requested : VERSIONS.get(VERSIONS.size() - 1);
    return new Fast(id, write(id, negotiated));
  }

  private String write(String id, String negotiated) {
    java.io.StringWriter out = new java.io.StringWriter(2048);
    try (tools.jackson.core.JsonGenerator g = STREAMING.createGenerator(tools.jackson.core.ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("jsonrpc", "2.0");
      g.writeName("id");
      g.writeRawValue(id);
      g.writeName("result");
      g.writeStartObject();
      g.writeStringProperty("protocolVersion", negotiated);
      g.writeName("capabilities");
      g.writeStartObject();
      if (capabilities.completions() != null) {
        g.writeName("completions");
        g.writeStartObject();
        g.writeEndObject();
      }
      if (capabilities.logging() != null) {
        g.writeName("logging");
        g.writeStartObject();
        g.writeEndObject();
      }
      if (capabilities.prompts() != null) {
        g.writeName("prompts");
        g.writeStartObject();
        g.writeBooleanProperty("listChanged", Boolean.TRUE.equals(capabilities.prompts().listChanged()));
        g.writeEndObject();
      }
      if (capabilities.resources() != null) {
        g.writeName("resources");
        g.writeStartObject();
        g.writeBooleanProperty("subscribe", Boolean.TRUE.equals(capabilities.resources().subscribe()));
        g.writeBooleanProperty("listChanged", Boolean.TRUE.equals(capabilities.resources().listChanged()));
        g.writeEndObject();
      }
      if (capabilities.tools() != null) {
        g.writeName("tools");
        g.writeStartObject();
        g.writeBooleanProperty("listChanged", Boolean.TRUE.equals(capabilities.tools().listChanged()));
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeName("serverInfo");
      g.writeStartObject();
      g.writeStringProperty("name", "migration-mcp");
      g.writeStringProperty("title", "migration-mcp");
      g.writeStringProperty("version", version);
      g.writeEndObject();
      g.writeStringProperty("instructions", MigrationMcpServer.INSTRUCTIONS);
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toString();
  }

  private static String quote(String s) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (tools.jackson.core.JsonGenerator g = STREAMING.createGenerator(tools.jackson.core.ObjectWriteContext.empty(), out)) {
      g.writeString(s);
    }
    return out.toString();
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
