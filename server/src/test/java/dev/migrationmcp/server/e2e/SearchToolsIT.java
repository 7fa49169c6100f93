package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * search_past_migrations and record_decision over stdio, against a temporary project that is a
 * git repository with a few migrations, commits and a decision record.
 */
class SearchToolsIT {
  @TempDir Path project;

  private void git(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + String.join(" ", args) + ": " + out);
  }

  private void commit(String author, String date, String message, String... files) throws Exception {
    for (int i = 0; i < files.length; i += 2) {
      Path f = project.resolve(files[i]);
      Files.createDirectories(f.getParent());
      Files.writeString(f, files[i + 1]);
    }
    git(Map.of(), "add", "-A");
    Map<String, String> env = new HashMap<>();
    env.put("GIT_AUTHOR_NAME", author);
    env.put("GIT_AUTHOR_EMAIL", "dev@example.com");
    env.put("GIT_AUTHOR_DATE", date);
    env.put("GIT_COMMITTER_NAME", author);
    env.put("GIT_COMMITTER_EMAIL", "dev@example.com");
    env.put("GIT_COMMITTER_DATE", date);
    git(env, "commit", "-q", "--no-verify", "-m", message);
  }

  private void sampleRepository() throws Exception {
    git(Map.of(), "init", "-q", "-b", "main");
    commit("Alice Chen", "2023-01-09T10:00:00+00:00", "Users table",
        "db/migration/V1__create_users.sql", """
            -- legacy_id links to the old PHP system until the import is done.
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy_id integer);
            """);
    commit("Bob Martins", "2023-04-03T08:00:00+00:00", "Index orders by user for the order history page",
        "db/migration/V2__create_orders.sql", """
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), status text NOT NULL);
            CREATE INDEX idx_orders_user_id ON orders (user_id);
            """);
    commit("Dana Ruiz", "2023-12-04T11:00:00+00:00", "Drop users.legacy_id\n\nThe PHP import is finished.",
        "db/migration/V3__drop_users_legacy_id.sql", "ALTER TABLE users DROP COLUMN legacy_id;\n",
        "db/decisions/0001-status-as-text.md", """
            ---
            title: Status columns are text with a CHECK, not enums
            date: 2023-07-10
            status: accepted
            tables: [orders]
            ---

            We stopped using enum types: adding a value could not run in a transaction.
            """);
  }

  @Test
  void searchesAndRecordsDecisionsOverStdio() throws Exception {
    sampleRepository();
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--project", project.toString())) {
      server.initialize();
      JsonNode tools = server.request("tools/list", Map.of()).path("result").path("tools");
      Map<String, JsonNode> byName = new HashMap<>();
      tools.forEach(t -> byName.put(t.path("name").asString(), t));
      JsonNode search = byName.get("search_past_migrations");
      JsonNode record = byName.get("record_decision");
      assertTrue(search != null && record != null, byName.keySet().toString());
      assertTrue(search.path("annotations").path("readOnlyHint").asBoolean());
      assertFalse(record.path("annotations").path("readOnlyHint").asBoolean(true));
      assertFalse(record.path("annotations").path("destructiveHint").asBoolean(true));
      assertTrue(search.has("outputSchema") && record.has("outputSchema"));

      JsonNode who = call(server, "search_past_migrations", Map.of("query", "who dropped legacy_id", "limit", 3));
      JsonNode first = who.path("structuredContent").path("hits").get(0);
      assertEquals("db/migration/V3__drop_users_legacy_id.sql", first.path("path").asString(), who.toString());
      assertEquals("Dana Ruiz", first.path("author").asString());
      assertEquals("3", first.path("version").asString());
      assertEquals("drop_column", first.path("operations").get(0).asString());
      assertTrue(first.path("snippet").asString().contains("**"), first.toString());
      assertTrue(who.path("content").get(0).path("text").asString().contains("V3__drop_users_legacy_id.sql"));

      JsonNode enums = call(server, "search_past_migrations", Map.of("query", "why did we stop using enums for status"));
      assertEquals("decision", enums.path("structuredContent").path("hits").get(0).path("type").asString(), enums.toString());

      JsonNode filtered = call(server, "search_past_migrations",
          Map.of("query", "", "table", "orders", "operation", "create_index"));
      assertEquals(1, filtered.path("structuredContent").path("total").asInt(), filtered.toString());
      assertEquals("db/migration/V2__create_orders.sql",
          filtered.path("structuredContent").path("hits").get(0).path("path").asString());

      JsonNode dated = call(server, "search_past_migrations", Map.of("query", "users", "since", "2023-12-01"));
      assertTrue(paths(dated).contains("db/migration/V3__drop_users_legacy_id.sql"), dated.toString());
      assertFalse(paths(dated).contains("db/migration/V1__create_users.sql"), "committed before since");

      JsonNode badSyntax = call(server, "search_past_migrations", Map.of("query", "\"unbalanced legacy_id"));
      assertTrue(badSyntax.path("structuredContent").path("hits").size() > 0, badSyntax.toString());

      JsonNode badOperation = server.callTool("search_past_migrations", Map.of("query", "x", "operation", "explode"),
          new ArrayList<>());
      assertToolError(badOperation, "operation");
      JsonNode badDate = server.callTool("search_past_migrations", Map.of("query", "x", "since", "last week"), new ArrayList<>());
      assertToolError(badDate, "since");

      List<JsonNode> notifications = new ArrayList<>();
      JsonNode recorded = server.callTool("record_decision", Map.of(
          "title", "Never rewrite the orders table in business hours",
          "decision", "Migrations that rewrite orders (type changes, VACUUM FULL) run in the Sunday maintenance window.",
          "context", "V17 took 41 minutes under ACCESS EXCLUSIVE.",
          "tables", List.of("orders"),
          "migrations", List.of("V2")), notifications).path("result");
      assertFalse(recorded.path("isError").asBoolean(), recorded.toString());
      JsonNode created = recorded.path("structuredContent");
      // Listed at once, and the client is told the list changed (Claude Code then offers it as an @-mention).
      assertTrue(notifications.stream().anyMatch(n -> n.path("method").asString()
          .equals("notifications/resources/list_changed")), notifications.toString());
      assertTrue(server.request("resources/list", Map.of()).toString().contains("\"decision://0002\""),
          "the new record is listed");
      assertEquals("0002", created.path("id").asString(), recorded.toString());
      assertEquals("db/decisions/0002-never-rewrite-the-orders-table-in-business-hours.md", created.path("path").asString());
      String markdown = Files.readString(project.resolve(created.path("path").asString()));
      assertTrue(markdown.startsWith("---\ntitle: \"Never rewrite the orders table in business hours\"\n"), markdown);
      assertTrue(markdown.contains("tables: [orders]"));

      JsonNode found = call(server, "search_past_migrations", Map.of("query", "maintenance window business hours"));
      assertEquals("db/decisions/0002-never-rewrite-the-orders-table-in-business-hours.md",
          found.path("structuredContent").path("hits").get(0).path("path").asString(), found.toString());

      JsonNode traversal = call(server, "record_decision", Map.of("title", "../../../etc/evil", "decision", "x"));
      String path = traversal.path("structuredContent").path("path").asString();
      assertEquals("db/decisions/0003-etc-evil.md", path);
      try (Stream<Path> files = Files.list(project.resolve("db/decisions"))) {
        assertEquals(3, files.count());
      }

      assertToolError(server.callTool("record_decision", Map.of("title", "No decision text"), new ArrayList<>()), "decision");
      assertToolError(server.callTool("record_decision", Map.of("title", "x", "decision", "y", "status", "maybe"),
          new ArrayList<>()), "status");
      assertToolError(server.callTool("record_decision", Map.of("title", "x", "decision", "y", "tables", List.of("a;drop")),
          new ArrayList<>()), "table");

      assertEquals(List.of(), server.nonJsonLines(), "stdout carries only JSON-RPC");
      assertTrue(Files.isDirectory(project.resolve(".migration-mcp/index")));
    }
  }

  @Test
  void searchWorksWithoutGitAndWithoutMigrations() throws Exception {
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--project", project.toString(),
        "--index-dir", "build/memory", "--decisions", "docs/adr")) {
      server.initialize();
      JsonNode empty = call(server, "search_past_migrations", Map.of("query", "anything"));
      assertEquals(0, empty.path("structuredContent").path("total").asInt(), empty.toString());
      assertEquals(0, empty.path("structuredContent").path("hits").size());
      JsonNode recorded = call(server, "record_decision", Map.of("title", "First decision", "decision", "Keep it simple."));
      assertEquals("docs/adr/0001-first-decision.md", recorded.path("structuredContent").path("path").asString());
      JsonNode found = call(server, "search_past_migrations", Map.of("query", "simple"));
      assertEquals(List.of("docs/adr/0001-first-decision.md"), paths(found));
      assertTrue(Files.isDirectory(project.resolve("build/memory")));
    }
  }

  private static JsonNode call(McpProcess server, String tool, Map<String, Object> args) throws Exception {
    JsonNode response = server.callTool(tool, args, new ArrayList<>());
    JsonNode result = response.path("result");
    assertFalse(result.path("isError").asBoolean(), response.toString());
    return result;
  }

  private static List<String> paths(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.path("structuredContent").path("hits").forEach(h -> out.add(h.path("path").asString()));
    return out;
  }

  private static void assertToolError(JsonNode response, String mentions) {
    JsonNode result = response.path("result");
    assertTrue(result.path("isError").asBoolean() || response.has("error"), response.toString());
    String message = result.path("content").path(0).path("text").asString("") + response.path("error").toString();
    assertTrue(message.contains(mentions), message);
  }
}
