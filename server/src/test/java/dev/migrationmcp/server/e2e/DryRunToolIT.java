package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** dry_run through the real server over stdio, on the embedded database with the sample project. */
class DryRunToolIT {
  @RegisterExtension static final ProjectServer server = ProjectServer.sampleOnEmbedded();

  private static JsonNode call(Map<String, Object> args) throws Exception {
    return server.callTool("dry_run", args);
  }

  @Test
  void reportsLocksRewritesAndTheDiffOfInlineSql() throws Exception {
    JsonNode result = call(Map.of("sql", "ALTER TABLE orders ADD COLUMN note text;\n"
        + "ALTER TABLE orders ALTER COLUMN status TYPE text;"));
    assertFalse(result.path("isError").asBoolean(), result.toString());
    JsonNode report = result.path("structuredContent");
    assertTrue(report.path("ok").asBoolean());
    assertEquals("shadow", report.path("target").asString());
    assertFalse(report.path("committed").asBoolean(true), "committed is present and false");
    assertTrue(report.has("committed"));
    JsonNode addColumn = report.path("statements").get(0);
    assertEquals("AccessExclusiveLock", addColumn.path("locks").get(0).path("mode").asString());
    JsonNode typeChange = report.path("statements").get(1);
    assertEquals(2, typeChange.path("line").asInt());
    assertEquals("public.orders", report.path("locks_held_until_commit").get(0).path("relation").asString());
    assertTrue(typeChange.path("rewrites").toString().contains("public.orders"));
    assertTrue(report.path("schema_diff").toString().contains("public.orders.note"));
    assertTrue(report.path("digest").asString().startsWith("sha256:"));
    assertTrue(result.path("content").get(0).path("text").asString().contains("AccessExclusiveLock on public.orders"));
    assertEquals(List.of(), server.process().nonJsonLines());
  }

  @Test
  void reportsProgressPerStatement() throws Exception {
    List<JsonNode> notifications = new ArrayList<>();
    server.process().callTool("dry_run", Map.of("sql", "ALTER TABLE orders ADD COLUMN a text; ALTER TABLE orders ADD COLUMN b text;"),
        notifications);
    List<String> messages = new ArrayList<>();
    notifications.stream().filter(n -> n.path("method").asString().equals("notifications/progress"))
        .forEach(n -> messages.add(n.path("params").path("message").asString()));
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("statement 2 of 2")), messages.toString());
  }

  @Test
  void findsWhatOnlyExecutionReveals() throws Exception {
    JsonNode report = call(Map.of("sql", "ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;"))
        .path("structuredContent");
    assertFalse(report.path("ok").asBoolean());
    assertTrue(report.path("statements").get(0).path("error").path("message").asString().contains("view"),
        "a view depends on the column: " + report);
  }

  @Test
  void runsAProjectFileWithItsUndoFile() throws Exception {
    Path dir = server.project().resolve("db/migration");
    Files.writeString(dir.resolve("V9__add_orders_channel.sql"), "ALTER TABLE orders ADD COLUMN channel text;\n");
    Files.writeString(dir.resolve("U9__add_orders_channel.sql"), "ALTER TABLE orders DROP COLUMN channel;\n");
    JsonNode report = call(Map.of("path", "db/migration/V9__add_orders_channel.sql")).path("structuredContent");
    assertTrue(report.path("ok").asBoolean(), report.toString());
    assertEquals("db/migration/V9__add_orders_channel.sql", report.path("statements").get(0).path("file").asString());
    assertEquals("down", report.path("statements").get(1).path("phase").asString());
    assertTrue(report.path("reversible").path("ok").asBoolean(), report.path("reversible").toString());
    Files.delete(dir.resolve("V9__add_orders_channel.sql"));
    Files.delete(dir.resolve("U9__add_orders_channel.sql"));
  }

  @Test
  void reportsAFailingStatementAsAResultWithItsPosition() throws Exception {
    JsonNode result = call(Map.of("sql", "ALTER TABLE orders\n  ADD COLUMN x nosuchtype;"));
    assertFalse(result.path("isError").asBoolean(), "a failing migration is an answer, not a tool error");
    JsonNode error = result.path("structuredContent").path("statements").get(0).path("error");
    assertEquals("42704", error.path("sqlstate").asString());
    assertEquals(2, error.path("line").asInt());
    assertEquals(16, error.path("column").asInt());
  }

  @Test
  void refusesPathsOutsideTheProject() throws Exception {
    for (String path : List.of("../../etc/passwd", "/etc/passwd")) {
      JsonNode result = call(Map.of("path", path));
      assertTrue(result.path("isError").asBoolean(), result.toString());
      assertTrue(result.path("content").get(0).path("text").asString().contains("outside the project"), result.toString());
      assertFalse(result.toString().contains("root:"));
    }
  }

  @Test
  void refusesCopyThatReachesOutsideTheShadowDatabase() throws Exception {
    Path marker = server.project().resolve("copy-marker");
    for (String sql : List.of("COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'",
        "CREATE TABLE x (a text);\nCOPY x TO '" + marker + "'", "ALTER SYSTEM SET work_mem = '1MB'")) {
      JsonNode result = call(Map.of("sql", sql));
      assertTrue(result.path("content").get(0).path("text").asString().contains("refused"), result.toString());
      assertFalse(Files.exists(marker), sql);
    }
  }

  @Test
  void refusesTheLiveTargetWithoutALiveDatabase() throws Exception {
    JsonNode result = call(Map.of("sql", "SELECT 1", "target", "live"));
    assertTrue(result.path("isError").asBoolean());
    assertTrue(result.path("content").get(0).path("text").asString().contains("shadow"));
  }

  @Test
  void refusesTheLiveBaselineWithoutALiveDatabase() throws Exception {
    JsonNode result = call(Map.of("sql", "SELECT 1", "baseline", "live"));
    assertTrue(result.path("isError").asBoolean(), result.toString());
    assertTrue(result.path("content").get(0).path("text").asString().contains("baseline \"migrations\""), result.toString());
  }

  @Test
  void runsThePendingFlywayFilesWhenNoSqlIsGiven() throws Exception {
    JsonNode none = call(Map.of()).path("structuredContent");
    assertTrue(none.path("notes").get(0).asString().contains("no pending"), none.toString());
    Path file = server.project().resolve("db/migration/V5__index_order_items_product.sql");
    Files.writeString(file, "CREATE INDEX order_items_product_id_idx ON order_items (product_id);\n");
    try {
      JsonNode report = call(Map.of()).path("structuredContent");
      assertTrue(report.path("ok").asBoolean(), report.toString());
      assertEquals("db/migration/V5__index_order_items_product.sql", report.path("statements").get(0).path("file").asString());
      assertEquals("ShareLock", report.path("statements").get(0).path("locks").get(0).path("mode").asString());
    } finally {
      Files.delete(file);
    }
  }
}
