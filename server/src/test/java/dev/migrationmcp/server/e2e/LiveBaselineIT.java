package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * {@code dry_run} with {@code baseline: "live"} through the real server over stdio: the shadow
 * starts from a schema-only copy of the live database (a scratch database on the PostgreSQL at
 * 127.0.0.1:5432; the shadow is the server's own embedded PostgreSQL, another major version), so
 * a table that only the live database has is there to be locked; the copy is rebuilt when the
 * live schema changes; and the live database is left exactly as it was.
 */
class LiveBaselineIT {
  // Not in the sample project's migrations: only the live database has these.
  @RegisterExtension static final ProjectServer live = ProjectServer.scratchDatabase("mmcp_it_livebase")
      .withSampleProject()
      .withSchema("""
          CREATE TYPE t_state AS ENUM ('new', 'done');
          CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text NOT NULL, state t_state DEFAULT 'new');
          INSERT INTO t (v) SELECT 'row ' || g FROM generate_series(1, 1000) g;
          CREATE INDEX t_v_idx ON t (v) WHERE state = 'new';
          CREATE VIEW t_new AS SELECT id, v FROM t WHERE state = 'new';""");

  private static JsonNode dryRun(Map<String, Object> args) throws Exception {
    JsonNode response = live.process().callTool("dry_run", args, new ArrayList<>());
    assertFalse(response.has("error"), response.toString());
    return response.path("result");
  }

  @Test
  void locksATableOnlyTheLiveDatabaseHas() throws Exception {
    String before = live.db().fingerprint();
    JsonNode result = dryRun(Map.of("sql", "ALTER TABLE t ADD COLUMN token text DEFAULT md5(random()::text);",
        "baseline", "live"));
    JsonNode report = result.path("structuredContent");
    assertTrue(report.path("ok").asBoolean(), result.toString());
    assertEquals("live", report.path("baseline").path("kind").asString(), report.toString());
    assertTrue(report.path("baseline").path("template").asString().startsWith("mmcp_live_"), report.toString());
    JsonNode lock = report.path("statements").get(0).path("locks").get(0);
    assertEquals("public.t", lock.path("relation").asString(), report.toString());
    assertEquals("AccessExclusiveLock", lock.path("mode").asString());
    assertTrue(result.path("content").get(0).path("text").asString().contains("statistics are not copied"),
        "the answer says the copy has no live statistics");
    // The copy has the live view on t, so a type change fails as it would on the live database.
    JsonNode typeChange = dryRun(Map.of("sql", "ALTER TABLE t ALTER COLUMN v TYPE varchar(40);", "baseline", "live"))
        .path("structuredContent");
    assertTrue(typeChange.path("statements").get(0).path("error").path("detail").asString().contains("t_new"),
        typeChange.toString());
    // The same statement on the default baseline (the migrations) has no table t to lock.
    JsonNode migrations = dryRun(Map.of("sql", "ALTER TABLE t ADD COLUMN token text;")).path("structuredContent");
    assertFalse(migrations.path("ok").asBoolean(), migrations.toString());
    assertEquals("migrations", migrations.path("baseline").path("kind").asString(), migrations.toString());
    assertEquals(before, live.db().fingerprint(), "the live database is unchanged");
  }

  @Test
  void rebuildsTheCopyWhenTheLiveSchemaChanges() throws Exception {
    JsonNode first = dryRun(Map.of("sql", "SELECT 1;", "baseline", "live")).path("structuredContent").path("baseline");
    JsonNode again = dryRun(Map.of("sql", "SELECT 1;", "baseline", "live")).path("structuredContent").path("baseline");
    assertTrue(again.path("reused").asBoolean(), again.toString());
    assertEquals(first.path("fingerprint").asString(), again.path("fingerprint").asString());
    live.db().execute("CREATE TABLE u (id int)");
    try {
      JsonNode after = dryRun(Map.of("sql", "ALTER TABLE u ADD COLUMN note text;", "baseline", "live"))
          .path("structuredContent");
      assertTrue(after.path("ok").asBoolean(), after.toString());
      assertFalse(after.path("baseline").path("reused").asBoolean(), after.toString());
      assertTrue(after.path("baseline").path("build_ms").isNumber(), after.toString());
      assertNotEquals(first.path("fingerprint").asString(), after.path("baseline").path("fingerprint").asString());
    } finally {
      live.db().execute("DROP TABLE u");
    }
  }

  @Test
  void refusesTheLiveBaselineWithTheLiveTarget() throws Exception {
    JsonNode result = dryRun(Map.of("sql", "SELECT 1;", "baseline", "live", "target", "live"));
    assertTrue(result.path("isError").asBoolean(), result.toString());
    assertTrue(result.path("content").get(0).path("text").asString().contains("target \"shadow\""), result.toString());
  }

  @Test
  void theCommandLineTakesBaselineLive() throws Exception {
    String before = live.db().fingerprint();
    try (McpProcess cli = McpProcess.start(Map.of(), "dry-run", "--project", live.project().toString(), "--database-url", live.db().url(),
        "--baseline", "live", "--sql", "CREATE INDEX t_state_idx ON t (state);")) {
      assertEquals(0, cli.awaitExit(Duration.ofMinutes(3)), cli.stderr());
      String out = String.join("\n", cli.nonJsonLines());
      assertTrue(out.contains("ShareLock on public.t"), out);
      assertTrue(out.contains("schema-only copy of the live database"), out);
    }
    assertEquals(before, live.db().fingerprint());
  }

  @Test
  void theCommandLineRefusesBaselineLiveWithoutALiveDatabase() throws Exception {
    try (McpProcess cli = McpProcess.start(Map.of(), "dry-run", "--project", live.project().toString(), "--baseline", "live",
        "--sql", "SELECT 1;")) {
      assertNotEquals(0, cli.awaitExit(Duration.ofMinutes(1)));
      assertTrue(cli.stderr().contains("--baseline live"), cli.stderr());
      assertFalse(cli.stderr().contains("\tat "), "no stack trace: " + cli.stderr());
    }
  }
}
