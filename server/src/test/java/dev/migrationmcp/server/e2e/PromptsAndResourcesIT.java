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

/** Prompts (slash commands) and resources (@-mentions) of the built server, over stdio. */
class PromptsAndResourcesIT {
  @TempDir Path project;
  @TempDir Path elsewhere;

  private McpProcess startOnSampleProject() throws Exception {
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    try (var files = Files.list(McpProcess.home().resolve("examples/shop/db/migration"))) {
      for (Path f : files.toList()) {
        Files.copy(f, migrations.resolve(f.getFileName()));
      }
    }
    return McpProcess.start(Map.of(), "serve", "--project", project.toString());
  }

  private static String promptText(JsonNode response) {
    JsonNode messages = response.path("result").path("messages");
    assertEquals(1, messages.size(), response.toString());
    assertEquals("user", messages.get(0).path("role").asString());
    return messages.get(0).path("content").path("text").asString();
  }

  private static void assertInOrder(String text, String... parts) {
    int at = -1;
    for (String part : parts) {
      int next = text.indexOf(part, at + 1);
      assertTrue(next > at, "'" + part + "' after position " + at + " in:\n" + text);
      at = next;
    }
  }

  @Test
  void listsAndRendersThePrompts() throws Exception {
    try (McpProcess server = startOnSampleProject()) {
      JsonNode init = server.initialize();
      assertTrue(init.path("result").path("capabilities").has("prompts"), init.toString());
      assertTrue(init.path("result").path("capabilities").has("resources"), init.toString());

      List<String> names = new ArrayList<>();
      server.request("prompts/list", Map.of()).path("result").path("prompts").forEach(p -> {
        names.add(p.path("name").asString());
        assertTrue(p.path("arguments").get(0).path("required").asBoolean(), p.toString());
      });
      assertEquals(List.of("plan_expand_contract", "review_migration", "write_migration"), names.stream().sorted().toList());

      String review = promptText(server.request("prompts/get", Map.of("name", "review_migration",
          "arguments", Map.of("migration", "V2"))));
      assertInOrder(review, "`lint_migration` with `path: \"db/migration/V2__create_orders.sql\"`", "`inspect_schema`",
          "`dry_run` with `path: \"db/migration/V2__create_orders.sql\"`", "`search_past_migrations`", "Verdict");
      assertTrue(review.contains("no undo file"), "no U2 file: reversibility is flagged as unchecked");

      Files.writeString(project.resolve("db/migration/U2__create_orders.sql"), "DROP TABLE order_items; DROP TABLE orders;");
      String withDown = promptText(server.request("prompts/get", Map.of("name", "review_migration",
          "arguments", Map.of("migration", "2"))));
      assertTrue(withDown.contains("`down_path: \"db/migration/U2__create_orders.sql\"`"), withDown);

      String write = promptText(server.request("prompts/get", Map.of("name", "write_migration",
          "arguments", Map.of("description", "Add shipped_at to orders!"))));
      assertInOrder(write, "`search_past_migrations`", "`inspect_schema`", "db/migration/V5__add_shipped_at_to_orders.sql",
          "`lint_migration`", "`dry_run`", "`record_decision`");

      String plan = promptText(server.request("prompts/get", Map.of("name", "plan_expand_contract",
          "arguments", Map.of("change", "rename customers.email to email_address"))));
      assertTrue(plan.contains("rename customers.email to email_address"));
      assertInOrder(plan, "`inspect_schema`", "`search_past_migrations`", "V5", "**Expand**", "**Application**",
          "**Backfill in batches**", "**Contract**", "`lint_migration`", "`dry_run`", "`record_decision`");

      JsonNode missing = server.request("prompts/get", Map.of("name", "write_migration", "arguments", Map.of()));
      assertEquals(-32602, missing.path("error").path("code").asInt(), missing.toString());
      assertEquals(List.of(), server.nonJsonLines());
      server.closeStdin();
      assertEquals(0, server.awaitExit(Duration.ofSeconds(30)));
    }
  }

  @Test
  void readsSchemaAndMigrationResources() throws Exception {
    try (McpProcess server = startOnSampleProject()) {
      server.initialize();
      List<String> uris = new ArrayList<>();
      server.request("resources/list", Map.of()).path("result").path("resources").forEach(r -> uris.add(r.path("uri").asString()));
      assertEquals(List.of("schema://tables"), uris);
      List<String> templates = new ArrayList<>();
      server.request("resources/templates/list", Map.of()).path("result").path("resourceTemplates")
          .forEach(t -> templates.add(t.path("uriTemplate").asString()));
      assertTrue(templates.containsAll(List.of("schema://table/{name}", "migration://{version}")), templates.toString());

      JsonNode tables = readJson(server, "schema://tables");
      List<String> names = new ArrayList<>();
      tables.path("schemas").get(0).path("tables").forEach(t -> names.add(t.path("name").asString()));
      assertTrue(names.containsAll(List.of("customers", "orders", "order_items")), names.toString());

      JsonNode orders = readJson(server, "schema://table/orders");
      assertEquals("full", orders.path("detail").asString());
      JsonNode table = orders.path("schemas").get(0).path("tables").get(0);
      assertEquals("orders", table.path("name").asString());
      assertTrue(table.has("columns") && table.has("primary_key"), table.toString());

      JsonNode unknown = server.request("resources/read", Map.of("uri", "schema://table/order_itmes"));
      assertTrue(unknown.has("error"), unknown.toString());
      assertTrue(unknown.path("error").path("message").asString().contains("order_items"), unknown.toString());

      JsonNode v2 = server.request("resources/read", Map.of("uri", "migration://2")).path("result").path("contents").get(0);
      assertEquals(Files.readString(project.resolve("db/migration/V2__create_orders.sql")), v2.path("text").asString());
      assertEquals("db/migration/V2__create_orders.sql", v2.path("_meta").path("path").asString());

      JsonNode absent = server.request("resources/read", Map.of("uri", "migration://99"));
      assertEquals(-32002, absent.path("error").path("code").asInt(), absent.toString());
      assertEquals(List.of(), server.nonJsonLines());
      server.closeStdin();
      assertEquals(0, server.awaitExit(Duration.ofSeconds(30)));
    }
  }

  @Test
  void refusesAMigrationFileThatLinksOutsideTheProject() throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("secret.sql"), "-- outside the project\nSELECT 1;\n");
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    Files.createSymbolicLink(migrations.resolve("V7__sneaky.sql"), secret);
    try (McpProcess server = McpProcess.start(Map.of("DATABASE_URL", "postgres://app@127.0.0.1:1/none"),
        "serve", "--project", project.toString())) {
      server.initialize();
      JsonNode refused = server.request("resources/read", Map.of("uri", "migration://7"));
      assertTrue(refused.has("error"), refused.toString());
      assertTrue(refused.path("error").path("message").asString().contains("outside the project"), refused.toString());
      assertFalse(refused.toString().contains("outside the project\\nSELECT"), "the file is not read");
    }
  }

  private static JsonNode readJson(McpProcess server, String uri) throws Exception {
    JsonNode response = server.request("resources/read", Map.of("uri", uri));
    JsonNode contents = response.path("result").path("contents");
    assertEquals(1, contents.size(), response.toString());
    assertEquals(uri, contents.get(0).path("uri").asString());
    assertEquals("application/json", contents.get(0).path("mimeType").asString());
    return McpProcess.JSON.readTree(contents.get(0).path("text").asString());
  }
}
