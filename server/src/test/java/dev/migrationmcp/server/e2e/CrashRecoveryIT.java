package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, SIGKILL in the middle of the two long builds the server does (a dry-run clone killed
 * mid-run is {@link ShadowCrashIT}): a Lucene rebuild of a large project's memory index, and a
 * shadow baseline replaying many migrations. The next start must clean up and serve correctly.
 */
class CrashRecoveryIT {
  private static final int MIGRATIONS_TO_INDEX = 6_000;
  private static final int MIGRATIONS_TO_REPLAY = 400;

  @TempDir Path project;

  @Test
  void aKilledIndexRebuildIsRepairedAndTheNextStartFindsEveryMigration() throws Exception {
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    for (int i = 1; i <= MIGRATIONS_TO_INDEX; i++) {
      Files.writeString(migrations.resolve("V" + i + "__add_c" + i + ".sql"),
          "-- Feature " + i + " needs column c" + i + ".\nALTER TABLE t" + (i % 40) + " ADD COLUMN c" + i + " text;\n");
    }
    Path lock = project.resolve(".migration-mcp/index/write.lock");
    // No database is needed to index and search: an unreachable one keeps anything from starting.
    String[] noDatabase = {"--project", project.toString(), "--database-url", "postgres://nobody@127.0.0.1:1/none"};
    try (McpProcess rebuild = McpProcess.start(Map.of(), concat(new String[] {"index", "--rebuild"}, noDatabase))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!Files.exists(lock)) {
        assertTrue(rebuild.process.isAlive(), "the rebuild ended before it was killed: " + rebuild.stderr());
        assertTrue(System.nanoTime() < deadline, "the rebuild never took the index lock");
        Thread.sleep(5);
      }
      Thread.sleep(300); // into the build
      assertTrue(rebuild.process.isAlive(), "the rebuild of " + MIGRATIONS_TO_INDEX + " files ended before it was killed");
      rebuild.process.destroyForcibly();
      assertNotEquals(0, rebuild.awaitExit(Duration.ofSeconds(10)), "killed, not finished");
    }
    assertTrue(Files.exists(lock), "the killed rebuild left its lock and a half-written index");

    try (McpProcess server = McpProcess.start(Map.of(), concat(new String[] {"serve"}, noDatabase))) {
      server.initialize();
      JsonNode last = search(server, "c" + MIGRATIONS_TO_INDEX);
      assertTrue(last.path("hits").get(0).path("path").asString().endsWith("V" + MIGRATIONS_TO_INDEX + "__add_c"
          + MIGRATIONS_TO_INDEX + ".sql"), last.toString());
      assertEquals(MIGRATIONS_TO_INDEX, search(server, "feature").path("total").asInt(), "every migration is indexed");
    }
  }

  @Test
  void aKilledBaselineBuildIsDroppedAndTheNextStartDryRuns() throws Exception {
    Assumptions.assumeTrue(ScratchPostgres.available(), ScratchPostgres.SKIP_MESSAGE);
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    // A new fingerprint each run, so no template of an earlier run on the same server is reused.
    Files.writeString(migrations.resolve("V1__start.sql"), "-- run " + System.nanoTime() + "\nCREATE TABLE start (id int);\n");
    for (int i = 2; i <= MIGRATIONS_TO_REPLAY; i++) {
      Files.writeString(migrations.resolve("V" + i + "__t" + i + ".sql"), "CREATE TABLE t" + i
          + " (id bigint PRIMARY KEY, v text, at timestamptz DEFAULT now());\nCREATE INDEX t" + i + "_v ON t" + i + " (v);\n");
    }
    String shadowUrl = "postgres://" + ScratchPostgres.USER + "@" + ScratchPostgres.HOST + ":" + ScratchPostgres.PORT
        + "/" + ScratchPostgres.MAINTENANCE_DB;
    String template = null;
    try (ScratchPostgres target = ScratchPostgres.create("mmcp_it_crash")) {
      String[] args = {"serve", "--project", project.toString(), "--database-url", target.url(), "--shadow-url", shadowUrl};
      String build;
      try (McpProcess victim = McpProcess.start(Map.of(), args)) {
        victim.initialize();
        victim.send("tools/call", Map.of("name", "dry_run", "arguments", Map.of("sql", "SELECT 1")));
        String building = "SELECT d.datname FROM pg_database d JOIN pg_stat_activity a ON a.datname = d.datname "
            + "WHERE d.datname LIKE 'mmcp\\_build\\_%\\_" + victim.process.pid() + "' AND a.state = 'active'";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while ((build = query(building)) == null) {
          assertTrue(System.nanoTime() < deadline, "the baseline build never started:\n" + victim.stderr());
          assertTrue(victim.process.isAlive(), victim.stderr());
          Thread.sleep(20);
        }
        victim.process.destroyForcibly(); // SIGKILL mid-replay
        victim.process.waitFor();
      }
      assertEquals(build, query("SELECT datname FROM pg_database WHERE datname = '" + build + "'"),
          "the killed server left its half-built baseline (the case the next start must clean)");

      try (McpProcess next = McpProcess.start(Map.of(), args)) {
        next.initialize();
        JsonNode result = next.callTool("dry_run", Map.of("sql", "ALTER TABLE t" + MIGRATIONS_TO_REPLAY + " ADD COLUMN w int;"),
            new ArrayList<>()).path("result");
        assertFalse(result.path("isError").asBoolean(), result.toString());
        assertTrue(result.path("structuredContent").path("ok").asBoolean(), "the new baseline has every table: " + result);
        template = result.path("structuredContent").path("baseline").path("template").asString(null);
        assertEquals(null, query("SELECT datname FROM pg_database WHERE datname = '" + build + "'"),
            "the half-built baseline " + build + " was dropped");
        assertTrue(next.stderr().contains(build), "the drop is logged");
      }
    } finally {
      if (template != null && template.startsWith("mmcp_base_")) {
        try (Connection c = ScratchPostgres.connect(ScratchPostgres.MAINTENANCE_DB); Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + template);
        }
      }
    }
  }

  private static JsonNode search(McpProcess server, String query) throws Exception {
    JsonNode result = server.callTool("search_past_migrations", Map.of("query", query), new ArrayList<>()).path("result");
    assertFalse(result.path("isError").asBoolean(), result.toString());
    return result.path("structuredContent");
  }

  private static String[] concat(String[] a, String[] b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  private static String query(String sql) throws Exception {
    try (Connection c = ScratchPostgres.connect(ScratchPostgres.MAINTENANCE_DB); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
