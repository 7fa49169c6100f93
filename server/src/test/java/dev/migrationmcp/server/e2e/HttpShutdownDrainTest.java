package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.server.http.HttpBinding;
import dev.migrationmcp.server.http.HttpServer;
import dev.migrationmcp.server.mcp.Json;
import dev.migrationmcp.server.mcp.McpFeatures;
import dev.migrationmcp.server.mcp.McpTool;
import dev.migrationmcp.server.mcp.ToolResults;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Closing the HTTP server (what SIGTERM does) lets the answer of a call in flight out before the
 * MCP sessions are closed, on both transports, and refuses calls that arrive while it drains.
 * A SIGTERM-cancelled dry run answers a moment after the cancel; its answer must not be cut off.
 */
class HttpShutdownDrainTest {

  /** A tool that answers only when released, so the test decides when the call in flight ends. */
  private static final class HeldTool implements McpTool {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public SyncToolSpecification specification() {
      McpSchema.Tool tool = McpSchema.Tool.builder().name("held").description("answers when released")
          .inputSchema(Json.MCP, "{\"type\":\"object\"}").build();
      return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return ToolResults.success(Map.of("released", true), "released");
      }).build();
    }
  }

  @Test
  void streamableAnswerInFlightIsWrittenBeforeTheSessionsClose() throws Exception {
    assertAnswerSurvivesClose(false);
  }

  @Test
  void legacySseAnswerInFlightIsWrittenBeforeTheSessionsClose() throws Exception {
    assertAnswerSurvivesClose(true);
  }

  private static void assertAnswerSurvivesClose(boolean legacySse) throws Exception {
    HeldTool held = new HeldTool();
    HttpServer server = HttpServer.start(HttpBinding.parse("127.0.0.1:0"), null,
        new McpFeatures(List.of(held), List.of(), List.of(), List.of()), "test");
    try (McpHttpClient client = new McpHttpClient(server.baseUrl(), Map.of());
        McpHttpClient late = new McpHttpClient(server.baseUrl(), Map.of())) {
      if (legacySse) {
        client.sseConnect();
        client.sseInitialize();
      } else {
        client.streamableInitialize();
      }
      CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(() -> {
        try {
          Map<String, Object> params = Map.of("name", "held", "arguments", Map.of());
          return legacySse ? client.sseRequest("tools/call", params) : client.streamableRequest("tools/call", params);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, runnable -> new Thread(runnable, "held-call").start());
      assertTrue(held.entered.await(30, TimeUnit.SECONDS), "the call reached the tool");

      Thread closing = new Thread(server::close, "closing");
      closing.start();
      Thread.sleep(300); // close() is now draining
      assertEquals(503, late.post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of()).statusCode(),
          "a call arriving during the drain is refused");
      held.release.countDown();

      JsonNode result = answer.get(30, TimeUnit.SECONDS).path("result");
      assertTrue(result.path("structuredContent").path("released").asBoolean(false), result.toString());
      closing.join(30_000);
      assertTrue(!closing.isAlive(), "close() returned");
    } finally {
      held.release.countDown();
      server.close();
    }
  }
}
