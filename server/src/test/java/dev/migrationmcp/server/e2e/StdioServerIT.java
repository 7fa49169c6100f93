package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The built server in a subprocess, spoken to over stdio exactly as Claude Code does. */
class StdioServerIT {
  @TempDir Path project;

  private McpProcess startOnSampleProject() throws Exception {
    McpProcess.copySampleProject(project);
    return McpProcess.start(Map.of(), "serve", "--project", project.toString());
  }

  @Test
  void initializesListsToolsAndInspectsTheEmbeddedDatabase() throws Exception {
    try (McpProcess server = startOnSampleProject()) {
      JsonNode init = server.initialize();
      assertEquals("2025-11-25", init.path("result").path("protocolVersion").asString());
      assertEquals("migration-mcp", init.path("result").path("serverInfo").path("name").asString());
      assertTrue(init.path("result").path("instructions").asString().contains("inspect_schema"));

      JsonNode tools = server.request("tools/list", Map.of());
      JsonNode inspect = tools.path("result").path("tools").get(0);
      assertEquals("inspect_schema", inspect.path("name").asString());
      assertTrue(inspect.path("annotations").path("readOnlyHint").asBoolean());
      assertTrue(inspect.has("outputSchema"));
      for (JsonNode tool : tools.path("result").path("tools")) {
        JsonNode hints = tool.path("annotations");
        String name = tool.path("name").asString();
        assertFalse(hints.path("destructiveHint").asBoolean(true), name + " is not destructive");
        assertFalse(hints.path("openWorldHint").asBoolean(true), name + " stays in its databases and project");
        assertEquals(!name.equals("dry_run") && !name.equals("record_decision"), hints.path("readOnlyHint").asBoolean(),
            name + ": only dry_run (runs SQL, keeps nothing) and record_decision (writes a file) are not read-only");
        assertEquals(!name.equals("record_decision"), hints.path("idempotentHint").asBoolean(), name);
      }

      List<JsonNode> notifications = new ArrayList<>();
      JsonNode summary = server.callTool("inspect_schema", Map.of(), notifications);
      JsonNode result = summary.path("result");
      assertFalse(result.path("isError").asBoolean(), result.toString());
      JsonNode publicSchema = result.path("structuredContent").path("schemas").get(0);
      assertEquals("public", publicSchema.path("name").asString());
      List<String> tables = new ArrayList<>();
      publicSchema.path("tables").forEach(t -> tables.add(t.path("name").asString()));
      assertTrue(tables.containsAll(List.of("customers", "orders", "order_items", "products", "audit_log")), tables.toString());
      assertTrue(notifications.stream().anyMatch(n -> n.path("method").asString().equals("notifications/progress")),
          "progress is reported while the embedded database starts");
      assertTrue(result.path("structuredContent").path("findings").toString().contains("foreign-key-without-index"));

      JsonNode detail = server.callTool("inspect_schema", Map.of("tables", List.of("order_items")), new ArrayList<>());
      JsonNode table = detail.path("result").path("structuredContent").path("schemas").get(0).path("tables").get(0);
      assertEquals("order_items", table.path("name").asString());
      assertEquals(4, table.path("columns").size());
      assertTrue(detail.path("result").path("content").get(0).path("text").asString().contains("order_items"));

      JsonNode unknown = server.callTool("inspect_schema", Map.of("tables", List.of("order_itmes")), new ArrayList<>());
      assertTrue(unknown.path("result").path("isError").asBoolean());
      assertTrue(unknown.path("result").path("content").get(0).path("text").asString().contains("public.order_items"));

      JsonNode wrongType = server.callTool("inspect_schema", Map.of("tables", 42), new ArrayList<>());
      assertTrue(wrongType.path("result").path("isError").asBoolean() || wrongType.has("error"), wrongType.toString());

      assertEquals(List.of(), server.nonJsonLines(), "stdout carries only JSON-RPC");
    }
  }

  @Test
  void answersMalformedLinesAndKeepsServing() throws Exception {
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--project", project.toString())) {
      server.initialize();
      server.sendLine("this is not json");
      JsonNode parseError = server.awaitResponse(null, new ArrayList<>(), Duration.ofSeconds(10));
      assertEquals(-32700, parseError.path("error").path("code").asInt());

      server.sendLine("{\"jsonrpc\":\"2.0\",\"id\":7}");
      JsonNode invalid = server.awaitResponse(7, new ArrayList<>(), Duration.ofSeconds(10));
      assertEquals(-32600, invalid.path("error").path("code").asInt());

      server.sendLine("[1,2,3]");
      assertEquals(-32600, server.awaitResponse(null, new ArrayList<>(), Duration.ofSeconds(10)).path("error").path("code").asInt());

      JsonNode pong = server.request("ping", Map.of());
      assertTrue(pong.has("result"), "the session survived: " + pong);
      assertEquals(List.of(), server.nonJsonLines());
    }
  }

  @Test
  void exitsCleanlyOnStdinEofStoppingTheEmbeddedDatabase() throws Exception {
    try (McpProcess server = startOnSampleProject()) {
      server.initialize();
      server.callTool("inspect_schema", Map.of(), new ArrayList<>());
      List<ProcessHandle> children = server.embeddedPostgres();
      assertFalse(children.isEmpty(), "the embedded PostgreSQL is running");
      server.closeStdin();
      assertEquals(0, server.awaitExit(Duration.ofSeconds(30)));
      assertAllExit(children);
    }
  }

  private static void assertAllExit(List<ProcessHandle> processes) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(List.of(), processes.stream().filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(), "no PostgreSQL left running");
  }

  @Test
  void exitsCleanlyOnSigterm() throws Exception {
    try (McpProcess server = startOnSampleProject()) {
      server.initialize();
      server.callTool("inspect_schema", Map.of(), new ArrayList<>());
      List<ProcessHandle> children = server.embeddedPostgres();
      assertFalse(children.isEmpty(), "the embedded PostgreSQL is running");
      server.process.destroy(); // SIGTERM
      assertEquals(0, server.awaitExit(Duration.ofSeconds(30)));
      assertAllExit(children);
    }
  }

  @Test
  void unreachableDatabaseIsAToolErrorWithoutThePassword() throws Exception {
    try (McpProcess server = McpProcess.start(Map.of("DATABASE_URL", "postgres://app:hunter2@127.0.0.1:1/shop"),
        "serve", "--project", project.toString())) {
      server.initialize();
      JsonNode response = server.callTool("inspect_schema", Map.of(), new ArrayList<>());
      JsonNode result = response.path("result");
      assertTrue(result.path("isError").asBoolean(), response.toString());
      String message = result.path("content").get(0).path("text").asString();
      assertTrue(message.contains("127.0.0.1:1/shop"), message);
      assertFalse(response.toString().contains("hunter2"));
      assertFalse(server.stderr().contains("hunter2"));
    }
  }
}
