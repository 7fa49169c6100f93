package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The built server in a subprocess with {@code serve --http}, spoken to over Streamable HTTP and legacy SSE. */
class HttpServerIT {
  private static final String TOKEN = "s3cret-token-for-the-e2e-test";

  @TempDir Path project;

  private McpProcess startOnSampleProject(Map<String, String> env, String... extra) throws Exception {
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    try (var files = Files.list(McpProcess.home().resolve("examples/shop/db/migration"))) {
      for (Path f : files.toList()) {
        Files.copy(f, migrations.resolve(f.getFileName()));
      }
    }
    List<String> args = new ArrayList<>(List.of("serve", "--http", "127.0.0.1:0", "--project", project.toString()));
    args.addAll(List.of(extra));
    return McpProcess.start(env, args.toArray(String[]::new));
  }

  private static String baseUrl(McpProcess server) throws Exception {
    return server.httpBaseUrl();
  }

  @Test
  void servesStreamableHttpAndLegacySseThenExitsCleanlyOnSigterm() throws Exception {
    try (McpProcess server = startOnSampleProject(Map.of())) {
      String base = baseUrl(server);

      try (McpHttpClient client = new McpHttpClient(base, Map.of())) {
        JsonNode init = client.streamableInitialize();
        assertEquals("migration-mcp", init.path("result").path("serverInfo").path("name").asString(), init.toString());
        assertNotNull(client.sessionId(), "the server assigns an Mcp-Session-Id");
        assertToolsAndInspect(client.streamableRequest("tools/list", Map.of()),
            client.streamableRequest("tools/call", Map.of("name", "inspect_schema", "arguments", Map.of("tables", List.of("orders")))));
        assertEquals(3, client.streamableRequest("prompts/list", Map.of()).path("result").path("prompts").size(),
            "the same prompts as over stdio");
        assertEquals(1, client.streamableRequest("resources/list", Map.of()).path("result").path("resources").size());
      }

      try (McpHttpClient client = new McpHttpClient(base, Map.of())) {
        client.sseConnect();
        assertTrue(client.sseMessagePath().startsWith("/message?sessionId="), client.sseMessagePath());
        JsonNode init = client.sseInitialize();
        assertEquals("migration-mcp", init.path("result").path("serverInfo").path("name").asString(), init.toString());
        assertToolsAndInspect(client.sseRequest("tools/list", Map.of()),
            client.sseRequest("tools/call", Map.of("name", "inspect_schema", "arguments", Map.of("tables", List.of("orders")))));
      }

      List<ProcessHandle> postgres = embeddedPostgresOf(server);
      assertFalse(postgres.isEmpty(), "the embedded PostgreSQL is running:\n" + server.stderr());
      server.process.destroy(); // SIGTERM
      assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), "SIGTERM ends the server normally");
      long deadline = System.currentTimeMillis() + 5_000;
      while (postgres.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(postgres.stream().anyMatch(ProcessHandle::isAlive), "the embedded PostgreSQL was stopped");
    }
  }

  private static List<ProcessHandle> embeddedPostgresOf(McpProcess server) throws Exception {
    return server.embeddedPostgres();
  }

  private static void assertToolsAndInspect(JsonNode tools, JsonNode inspect) {
    List<String> names = new ArrayList<>();
    tools.path("result").path("tools").forEach(t -> names.add(t.path("name").asString()));
    assertTrue(names.containsAll(List.of("inspect_schema", "lint_migration", "dry_run", "search_past_migrations",
        "record_decision")), names.toString());
    JsonNode result = inspect.path("result");
    assertFalse(result.path("isError").asBoolean(), inspect.toString());
    JsonNode table = result.path("structuredContent").path("schemas").get(0).path("tables").get(0);
    assertEquals("orders", table.path("name").asString());
    assertTrue(table.path("columns").size() > 2, table.toString());
  }

  @Test
  void refusesForeignOriginsForeignHostsAndOversizedBodies() throws Exception {
    try (McpProcess server = startOnSampleProject(Map.of());
        McpHttpClient client = new McpHttpClient(baseUrl(server), Map.of())) {
      String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"evil\",\"version\":\"1\"}}}";
      HttpResponse<String> foreign = client.post("/mcp", init, Map.of("Origin", "https://evil.example"));
      assertEquals(403, foreign.statusCode(), foreign.body());
      assertTrue(foreign.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session was created");
      assertEquals(403, client.post("/message?sessionId=x", init, Map.of("Origin", "http://attacker.localhost.evil")).statusCode());

      HttpResponse<String> local = client.post("/mcp", init, Map.of("Origin", "http://localhost:6274"));
      assertEquals(200, local.statusCode(), "a page served from localhost (e.g. the MCP Inspector) may call it");

      assertEquals(421, rawStatus(client, "POST /mcp HTTP/1.1\r\nHost: rebound.evil.example\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Length: " + init.length() + "\r\nConnection: close\r\n\r\n" + init),
          "DNS rebinding: a Host that is not loopback is refused");

      HttpResponse<String> huge = client.post("/mcp", "[" + " ".repeat(17 * 1024 * 1024) + "]", Map.of());
      assertEquals(413, huge.statusCode());
      stop(server);
    }
  }

  @Test
  void requiresTheBearerTokenWhenOneIsGiven() throws Exception {
    try (McpProcess server = startOnSampleProject(Map.of(), "--token", TOKEN)) {
      String base = baseUrl(server);
      try (McpHttpClient anonymous = new McpHttpClient(base, Map.of());
          McpHttpClient wrong = new McpHttpClient(base, Map.of("Authorization", "Bearer not-" + TOKEN));
          McpHttpClient right = new McpHttpClient(base, Map.of("Authorization", "Bearer " + TOKEN))) {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        HttpResponse<String> none = anonymous.post("/mcp", init, Map.of());
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(none.headers().firstValue("Mcp-Session-Id").isEmpty(), "nothing executed: no session");
        assertEquals(401, wrong.post("/mcp", init, Map.of()).statusCode());
        assertEquals(401, wrong.post("/message?sessionId=x", init, Map.of()).statusCode());
        HttpResponse<String> sse = anonymous.post("/sse", "", Map.of());
        assertEquals(401, sse.statusCode());

        JsonNode ok = right.streamableInitialize();
        assertEquals("migration-mcp", ok.path("result").path("serverInfo").path("name").asString());
        right.sseConnect();
        assertEquals("migration-mcp", right.sseInitialize().path("result").path("serverInfo").path("name").asString());
      }
      assertFalse(server.stderr().contains(TOKEN), "the token is never logged");
      stop(server);
    }
  }

  @Test
  void refusesToListenBeyondLoopbackWithoutAToken() throws Exception {
    try (McpProcess server = McpProcess.start(Map.of("MIGRATION_MCP_TOKEN", ""),
        "serve", "--http", "0.0.0.0:0", "--project", project.toString())) {
      assertEquals(2, server.awaitExit(Duration.ofSeconds(60)));
      String stderr = server.stderr();
      assertTrue(stderr.contains("MIGRATION_MCP_TOKEN") && stderr.contains("--token"), stderr);
    }
  }

  /** SIGTERM, so the server stops its embedded PostgreSQL instead of leaving it to a forcible kill. */
  private static void stop(McpProcess server) throws Exception {
    server.process.destroy();
    assertEquals(0, server.awaitExit(Duration.ofSeconds(30)));
  }

  private static int rawStatus(McpHttpClient client, String request) throws Exception {
    Matcher m = Pattern.compile("http://([^:]+):(\\d+)").matcher(client.request("/").build().uri().toString());
    assertTrue(m.find());
    try (Socket socket = new Socket(m.group(1), Integer.parseInt(m.group(2)))) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
