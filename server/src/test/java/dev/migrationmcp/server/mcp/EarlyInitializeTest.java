package dev.migrationmcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The early answer to initialize must be exactly what the SDK itself would answer. */
class EarlyInitializeTest {
  private static final McpFeatures FEATURES = new McpFeatures(List.of(), List.of(), List.of(), List.of());

  private static JsonNode sdkAnswer(String request) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PipedOutputStream toSdk = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(toSdk, 1 << 16);
    McpSyncServer server = MigrationMcpServer.create(new StdioServerTransportProvider(Json.MCP, in, out), FEATURES, "9.9");
    toSdk.write((request + "\n").getBytes(StandardCharsets.UTF_8));
    toSdk.flush();
    long deadline = System.currentTimeMillis() + 10_000;
    while (!out.toString(StandardCharsets.UTF_8).contains("\n") && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    toSdk.close();
    server.closeGracefully();
    return Json.WIRE.readTree(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
  }

  private static String request(Object id, String version) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  }

  @Test
  void matchesTheSdkForEveryProtocolVersionAndIdKind() throws Exception {
    EarlyInitialize early = new EarlyInitialize("9.9", MigrationMcpServer.capabilities(FEATURES));
    for (String version : List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "1999-01-01")) {
      for (Object id : List.of("7", "\"abc\"")) {
        String request = request(id, version);
        JsonNode sdk = sdkAnswer(request);
        assertEquals(sdk, Json.WIRE.readTree(early.answer(Json.WIRE.readTree(request))), "version " + version + ", id " + id);
        EarlyInitialize.Fast fast = early.fast(request);
        assertEquals(sdk, Json.WIRE.readTree(fast.answer()), "streaming answer, version " + version + ", id " + id);
        assertEquals(Json.WIRE.readTree(request).get("id").toString(), fast.id());
      }
    }
  }

  @Test
  void standardCapabilitiesAreThoseOfTheRealFeatureList(@org.junit.jupiter.api.io.TempDir java.nio.file.Path project) {
    var settings = new dev.migrationmcp.server.config.ServerSettings(project,
        dev.migrationmcp.tools.db.DatabaseUrl.local(1, "unused", "unused"), List.of(), "test");
    try (var context = dev.migrationmcp.server.config.ServerContext.start(settings)) {
      assertEquals(MigrationMcpServer.capabilities(McpFeatures.of(context)), MigrationMcpServer.standardCapabilities());
    }
  }

  @Test
  void streamingPathLeavesEverythingElseToTheOrdinaryPath() {
    EarlyInitialize early = new EarlyInitialize("9.9", MigrationMcpServer.standardCapabilities());
    for (String line : List.of("not json", "[]", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999999,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"x\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"x\"}} trailing",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}")) {
      assertNull(early.fast(line), line);
    }
  }

  @Test
  void leavesMalformedRequestsToTheSdk() {
    EarlyInitialize early = new EarlyInitialize("9.9", MigrationMcpServer.capabilities(FEATURES));
    assertNull(early.answer(Json.WIRE.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}")));
    assertNull(early.answer(Json.WIRE.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));
  }
}
