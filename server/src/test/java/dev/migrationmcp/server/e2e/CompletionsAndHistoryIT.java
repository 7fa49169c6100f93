package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.flyway.MigrationReplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Argument completion, the decision:// resources and the history in migration:// of the built
 * server over stdio, on the sample project committed to a git repository.
 */
class CompletionsAndHistoryIT {
  @TempDir Path project;
  @TempDir Path elsewhere;

  private void git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("GIT_AUTHOR_NAME", "Dana Ruiz");
    pb.environment().put("GIT_AUTHOR_EMAIL", "dana@example.com");
    pb.environment().put("GIT_AUTHOR_DATE", "2024-03-01T10:00:00Z");
    pb.environment().put("GIT_COMMITTER_NAME", "Dana Ruiz");
    pb.environment().put("GIT_COMMITTER_EMAIL", "dana@example.com");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + String.join(" ", args) + ": " + out);
  }

  private void sampleProjectInGit() throws Exception {
    McpProcess.copySampleProject(project);
    Path decisions = Files.createDirectories(project.resolve("db/decisions"));
    Files.writeString(decisions.resolve("0001-keep-bigint-ids.md"), """
        ---
        title: Keep bigint ids
        date: 2024-03-01
        status: accepted
        ---
        Every id column is bigint: orders outgrew int once.
        """);
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "Shop schema\n\nFirst cut of customers, orders and the audit log.");
  }

  private static JsonNode complete(McpProcess server, Map<String, Object> ref, String argument, String value) throws Exception {
    JsonNode response = server.request("completion/complete", Map.of("ref", ref,
        "argument", Map.of("name", argument, "value", value)));
    assertFalse(response.has("error"), response.toString());
    return response.path("result").path("completion");
  }

  private static List<String> values(JsonNode completion) {
    List<String> out = new ArrayList<>();
    completion.path("values").forEach(v -> out.add(v.asString()));
    return out;
  }

  @Test
  void completesVersionsPathsTablesAndDecisionIds() throws Exception {
    sampleProjectInGit();
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--project", project.toString())) {
      JsonNode init = server.initialize();
      assertTrue(init.path("result").path("capabilities").has("completions"), init.toString());
      server.request("resources/read", Map.of("uri", "schema://tables")); // waits for the embedded database

      Map<String, Object> versionRef = Map.of("type", "ref/resource", "uri", "migration://{version}");
      assertEquals(List.of("1", "2", "3", "4"), values(complete(server, versionRef, "version", "")));
      assertEquals(List.of("2"), values(complete(server, versionRef, "version", "2")));

      Map<String, Object> review = Map.of("type", "ref/prompt", "name", "review_migration");
      assertEquals(List.of("2"), values(complete(server, review, "migration", "V2")));
      assertEquals(List.of("db/migration/V2__create_orders.sql"), values(complete(server, review, "migration", "db/migration/V2")));
      assertEquals(4, values(complete(server, review, "migration", "db/")).size());

      Map<String, Object> tableRef = Map.of("type", "ref/resource", "uri", "schema://table/{name}");
      assertEquals(List.of("order_items", "orders"), values(complete(server, tableRef, "name", "ORD")));
      assertEquals(List.of(), values(complete(server, tableRef, "name", "'; DROP TABLE orders; --")));
      assertTrue(values(complete(server, tableRef, "name", "ord")).contains("orders"), "the table is still there");

      Map<String, Object> decisionRef = Map.of("type", "ref/resource", "uri", "decision://{id}");
      assertEquals(List.of("0001"), values(complete(server, decisionRef, "id", "")));

      Path folder = project.resolve("db/migration");
      for (int v = 100; v < 220; v++) {
        Files.writeString(folder.resolve("V" + v + "__filler.sql"), "SELECT 1;\n");
      }
      JsonNode bounded = complete(server, versionRef, "version", "1");
      assertEquals(100, values(bounded).size(), bounded.toString());
      assertTrue(bounded.path("hasMore").asBoolean(), bounded.toString());
      assertEquals(List.of(), server.nonJsonLines());
    }
  }

  @Test
  void readsDecisionRecordsAndMigrationHistory() throws Exception {
    sampleProjectInGit();
    Files.writeString(elsewhere.resolve("secret.md"), "# outside\nnot for you\n");
    Files.createSymbolicLink(project.resolve("db/decisions/0002-sneaky.md"), elsewhere.resolve("secret.md"));
    try (McpProcess server = McpProcess.start(Map.of("DATABASE_URL", "postgres://app@127.0.0.1:1/none"),
        "serve", "--project", project.toString())) {
      server.initialize();
      List<String> uris = new ArrayList<>();
      server.request("resources/list", Map.of()).path("result").path("resources").forEach(r -> uris.add(r.path("uri").asString()));
      assertEquals(List.of("schema://tables", "decision://0001"), uris);
      List<String> templates = new ArrayList<>();
      server.request("resources/templates/list", Map.of()).path("result").path("resourceTemplates")
          .forEach(t -> templates.add(t.path("uriTemplate").asString()));
      assertTrue(templates.contains("decision://{id}"), templates.toString());

      String record = Files.readString(project.resolve("db/decisions/0001-keep-bigint-ids.md"));
      for (String uri : List.of("decision://0001", "decision://1", "decision://0001-keep-bigint-ids")) {
        JsonNode contents = server.request("resources/read", Map.of("uri", uri)).path("result").path("contents").get(0);
        assertEquals(record, contents.path("text").asString(), uri);
        assertEquals("text/markdown", contents.path("mimeType").asString());
        assertEquals("Keep bigint ids", contents.path("_meta").path("title").asString());
      }
      for (String uri : List.of("decision://2", "decision://0002-sneaky", "decision://../../../etc/passwd", "decision://99")) {
        JsonNode refused = server.request("resources/read", Map.of("uri", uri));
        assertEquals(-32002, refused.path("error").path("code").asInt(), uri + ": " + refused);
        assertFalse(refused.toString().contains("not for you") || refused.toString().contains("root:"), refused.toString());
      }

      JsonNode contents = server.request("resources/read", Map.of("uri", "migration://2")).path("result").path("contents");
      assertEquals(2, contents.size(), contents.toString());
      assertEquals("application/sql", contents.get(0).path("mimeType").asString());
      JsonNode history = McpProcess.JSON.readTree(contents.get(1).path("text").asString());
      assertEquals("db/migration/V2__create_orders.sql", history.path("path").asString());
      JsonNode commit = history.path("commits").get(0);
      assertEquals("Dana Ruiz", commit.path("author").asString(), history.toString());
      assertTrue(commit.path("message").asString().startsWith("Shop schema"), history.toString());
      assertEquals(40, commit.path("hash").asString().length());
      assertTrue(history.path("notes").toString().contains("flyway_schema_history could not be read"), history.toString());
    }
  }

  @Test
  void migrationHistoryHasTheAppliedRowsOfALiveDatabase() throws Exception {
    Assumptions.assumeTrue(ScratchPostgres.available(), ScratchPostgres.SKIP_MESSAGE);
    sampleProjectInGit();
    try (ScratchPostgres db = ScratchPostgres.create("mmcp_it_history")) {
      MigrationReplay.migrate(DatabaseUrl.parse(db.url()), "filesystem:" + project.resolve("db/migration"));
      try (McpProcess server = McpProcess.start(Map.of("DATABASE_URL", db.url()), "serve", "--project", project.toString())) {
        server.initialize();
        JsonNode contents = server.request("resources/read", Map.of("uri", "migration://2")).path("result").path("contents");
        JsonNode history = McpProcess.JSON.readTree(contents.get(1).path("text").asString());
        JsonNode applied = history.path("applied").get(0);
        assertTrue(applied.path("success").asBoolean(), history.toString());
        assertEquals(ScratchPostgres.USER, applied.path("applied_by").asString());
        assertFalse(applied.path("applied_at").asString().isEmpty(), history.toString());
        assertEquals("Dana Ruiz", history.path("commits").get(0).path("author").asString());
      }
    }
  }
}
