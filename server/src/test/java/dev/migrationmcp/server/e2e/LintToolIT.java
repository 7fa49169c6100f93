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

/** lint_migration through the real server over stdio, with the embedded replay as schema. */
class LintToolIT {
  @RegisterExtension static final ProjectServer server = ProjectServer.sampleOnEmbedded();

  private static JsonNode call(Map<String, Object> args) throws Exception {
    return server.callTool("lint_migration", args);
  }

  @Test
  void reportsRulesWithLocksFixesAndPositions() throws Exception {
    JsonNode result = call(Map.of("sql", "SET lock_timeout = '5s';\nCREATE INDEX orders_placed_idx ON orders (placed_at);"));
    assertFalse(result.path("isError").asBoolean(), result.toString());
    JsonNode finding = null;
    for (JsonNode f : result.path("structuredContent").path("findings")) {
      if (f.path("rule").asString().equals("create-index-non-concurrently")) {
        finding = f;
      }
    }
    assertTrue(finding != null, result.toString());
    assertEquals("warning", finding.path("severity").asString());
    assertEquals("ShareLock", finding.path("lock").asString());
    assertEquals(2, finding.path("line").asInt());
    assertTrue(finding.path("fix").asString().contains("CREATE INDEX CONCURRENTLY orders_placed_idx"));
    assertTrue(result.path("content").get(0).path("text").asString().contains("^"), "text shows a caret");
    assertTrue(result.path("structuredContent").path("live_schema").asString().contains("embedded"));
  }

  @Test
  void lintsAProjectDirectoryInFlywayOrder() throws Exception {
    JsonNode report = call(Map.of("path", "db/migration")).path("structuredContent");
    assertTrue(report.path("statements").asInt() > 10, report.toString());
    List<String> files = new ArrayList<>();
    report.path("findings").forEach(f -> files.add(f.path("file").asString()));
    assertTrue(files.stream().allMatch(f -> f.startsWith("db/migration/V")), files.toString());
  }

  @Test
  void lintsThePendingFlywayMigrations() throws Exception {
    call(Map.of("sql", "SELECT 1")); // the embedded database has replayed the project before the new file appears
    Path file = server.project().resolve("db/migration/V7__index_orders_placed_at.sql");
    Files.writeString(file, "CREATE INDEX orders_placed_at_idx ON orders (placed_at);\n");
    try {
      JsonNode result = call(Map.of("path", "pending"));
      JsonNode report = result.path("structuredContent");
      List<String> rules = new ArrayList<>();
      report.path("findings").forEach(f -> {
        assertEquals("db/migration/V7__index_orders_placed_at.sql", f.path("file").asString());
        rules.add(f.path("rule").asString());
      });
      assertTrue(rules.contains("create-index-non-concurrently"), result.toString());
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void refusesBadInputClearly() throws Exception {
    assertTrue(call(Map.of()).path("isError").asBoolean());
    assertTrue(call(Map.of("path", "../../etc/passwd")).path("isError").asBoolean());
    assertTrue(call(Map.of("sql", "SELECT 1", "pg_version", 3)).path("isError").asBoolean());
  }

  @Test
  void answersGarbageAndHugeInputWithoutFailing() throws Exception {
    JsonNode garbageResult = call(Map.of("sql", "\u0000\u0001 $$ unterminated ' \" /* (((("));
    JsonNode garbage = garbageResult.path("structuredContent");
    assertTrue(garbage.has("summary"), garbageResult.toString());
    String big = "ALTER TABLE orders ADD COLUMN c int;\n".repeat(20_000);
    JsonNode huge = call(Map.of("sql", big, "use_live_schema", false));
    assertFalse(huge.path("isError").asBoolean());
    assertTrue(huge.toString().length() < 200_000, "the answer stays small: " + huge.toString().length());
    assertTrue(huge.path("structuredContent").has("truncated"));
  }
}
