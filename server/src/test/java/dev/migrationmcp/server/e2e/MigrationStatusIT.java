package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.flyway.FlywayChecksum;
import dev.migrationmcp.tools.flyway.MigrationReplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * migration_status through the built server over stdio and the {@code status} command, on a
 * scratch database of the PostgreSQL at 127.0.0.1:5432 where a migration was edited after it was
 * applied, one file deleted, one is pending, one history row failed and a column was added by hand.
 */
class MigrationStatusIT {
  @TempDir Path project;

  private record Cli(int exit, String stdout) {}

  private Cli status(String databaseUrl, String... extra) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(McpProcess.home().resolve("bin/migration-mcp").toString(), "status",
        "--project", project.toString()));
    if (databaseUrl != null) {
      command.addAll(List.of("--database-url", databaseUrl));
    }
    command.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("DATABASE_URL");
    pb.environment().remove("FLYWAY_URL");
    pb.environment().put("MIGRATION_MCP_CDS", "0");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "status finished");
    return new Cli(p.exitValue(), out);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  @Test
  void reportsFlywayStatesAndSchemaDriftOfALiveDatabase() throws Exception {
    Assumptions.assumeTrue(ScratchPostgres.available(), ScratchPostgres.SKIP_MESSAGE);
    Path folder = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(folder.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
    Files.writeString(folder.resolve("V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    Files.writeString(folder.resolve("V3__audit.sql"), "CREATE TABLE audit (id bigint, at timestamptz);\n");
    try (ScratchPostgres db = ScratchPostgres.create("mmcp_it_status")) {
      MigrationReplay.migrate(DatabaseUrl.parse(db.url()), "filesystem:" + folder);

      Cli clean = status(db.url());
      assertEquals(0, clean.exit(), clean.stdout());
      assertTrue(clean.stdout().contains("at version 3, clean"), clean.stdout());

      Files.writeString(folder.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, email text, x int);\n");
      Files.delete(folder.resolve("V2__orders.sql"));
      String broken = "ALTER TABLE nowhere ADD COLUMN x int;\n";
      Files.writeString(folder.resolve("V3_5__broken.sql"), broken);
      Files.writeString(folder.resolve("V4__later.sql"), "CREATE TABLE later (id bigint);\n");
      db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
          + "installed_by, execution_time, success) VALUES (5, '3.5', 'broken', 'SQL', 'V3_5__broken.sql', "
          + FlywayChecksum.of(broken) + ", 'deployer', 7, false)");
      db.execute("ALTER TABLE accounts ADD COLUMN nickname text");
      db.execute("CREATE TABLE t (id int)"); // by hand too; ScratchPostgres.fingerprint() also reads its rows
      String before = db.fingerprint();

      try (McpProcess server = McpProcess.start(Map.of("DATABASE_URL", db.url()), "serve", "--project", project.toString())) {
        server.initialize();
        JsonNode tool = null;
        for (JsonNode t : server.request("tools/list", Map.of()).path("result").path("tools")) {
          if (t.path("name").asString().equals("migration_status")) {
            tool = t;
          }
        }
        assertTrue(tool != null && tool.path("annotations").path("readOnlyHint").asBoolean(), String.valueOf(tool));
        assertTrue(tool.has("outputSchema"));

        JsonNode result = server.callTool("migration_status", Map.of(), new ArrayList<>()).path("result");
        assertFalse(result.path("isError").asBoolean(), result.toString());
        JsonNode s = result.path("structuredContent");
        assertFalse(s.path("clean").asBoolean(), s.toString());
        assertTrue(s.path("live").asBoolean());
        assertEquals(List.of("1"), strings(s.path("checksum_mismatches")));
        assertEquals(List.of("2"), strings(s.path("missing")));
        assertEquals(List.of("3.5"), strings(s.path("failed")));
        assertEquals(List.of("4"), strings(s.path("pending")));
        JsonNode drift = s.path("schema_drift");
        assertTrue(drift.path("checked").asBoolean(), drift.toString());
        List<String> lines = strings(drift.path("lines"));
        assertTrue(lines.contains("+ column public.accounts.nickname: text"), lines.toString());
        assertTrue(lines.contains("+ table public.t"), lines.toString());
        assertTrue(lines.contains("+ table public.orders"), "V2's table has no file to replay: " + lines);
        assertTrue(lines.contains("- column public.accounts.x: integer"), "the edit to V1 shows as drift too: " + lines);
        assertTrue(drift.path("diff").path("added").isArray(), drift.toString());
        String text = result.path("content").get(0).path("text").asString();
        assertTrue(text.contains("+ column public.accounts.nickname: text") && text.contains("edited after it was applied"), text);
        assertEquals(List.of(), server.nonJsonLines());
      }

      Cli dirty = status(db.url(), "--format", "json");
      assertEquals(1, dirty.exit(), dirty.stdout());
      JsonNode json = McpProcess.JSON.readTree(dirty.stdout());
      assertEquals(List.of("1"), strings(json.path("checksum_mismatches")));
      assertEquals(before, db.fingerprint(), "status only reads the live database");
    }
  }

  @Test
  void answersForTheEmbeddedReplayWithoutMeasuringDrift() throws Exception {
    McpProcess.copySampleProject(project);
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--project", project.toString())) {
      server.initialize();
      JsonNode result = server.callTool("migration_status", Map.of("schema_drift", true), new ArrayList<>()).path("result");
      assertFalse(result.path("isError").asBoolean(), result.toString());
      JsonNode s = result.path("structuredContent");
      assertFalse(s.path("live").asBoolean());
      assertTrue(s.path("clean").asBoolean(), s.toString());
      assertFalse(s.path("schema_drift").path("checked").asBoolean());
      assertTrue(s.path("schema_drift").path("note").asString().contains("no live database configured"), s.toString());
      assertTrue(strings(s.path("applied")).contains("1"), s.toString());

      JsonNode bad = server.callTool("migration_status", Map.of("all", "yes please"), new ArrayList<>()).path("result");
      assertTrue(bad.path("isError").asBoolean(), bad.toString());
    }
    Cli noDatabase = status(null, "--no-schema-drift");
    assertEquals(2, noDatabase.exit(), noDatabase.stdout());
  }
}
