package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The guards in front of a live dry run, through the real server over stdio: a write-blocking
 * lock on a large table (large by the project's lowered threshold, so a 2000-row table will do)
 * needs allow_blocking; SQL that reaches the host, other databases or other sessions is refused;
 * the sequences a rolled-back run advanced are reported.
 */
class LiveGuardsIT {
  @RegisterExtension static final ProjectServer live = ProjectServer.scratchDatabase("mmcp_it_guards")
      .withFile(".migration-mcp.toml", "[thresholds]\nlarge_rows = 1000\n")
      .withSchema("""
          CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
          INSERT INTO t (v) SELECT 'row ' || g FROM generate_series(1, 2000) g;
          ANALYZE t;""");

  private static JsonNode dryRun(String target, String sql, Map<String, Object> extra) throws Exception {
    Map<String, Object> args = new HashMap<>(extra);
    args.put("target", target);
    args.put("sql", sql);
    JsonNode response = live.process().request("tools/call", Map.of("name", "dry_run", "arguments", args), new ArrayList<>(),
        Duration.ofSeconds(60));
    assertFalse(response.has("error"), response.toString());
    return response.path("result");
  }

  private static String text(JsonNode result) {
    return result.path("content").get(0).path("text").asString();
  }

  @Test
  void refusesAWriteBlockingScanOrRewriteOfALargeTableUnlessAllowed() throws Exception {
    String before = live.db().fingerprint();
    for (String sql : List.of("ALTER TABLE t ALTER COLUMN v SET NOT NULL",
        "ALTER TABLE t ADD CONSTRAINT v_short CHECK (length(v) < 20)",
        "CREATE INDEX t_v_idx ON t (v)",
        "ALTER TABLE t ALTER COLUMN v TYPE varchar(30)")) {
      JsonNode result = dryRun("live", "SET lock_timeout = '1s';\n" + sql + ";", Map.of());
      JsonNode report = result.path("structuredContent");
      String refused = report.path("refused").asString();
      assertTrue(refused.contains("statement index 1 (line 2"), sql + " → " + result);
      assertTrue(refused.contains("public.t (~2000 rows"), refused);
      assertTrue(refused.contains("at an assumed") && refused.contains("target \"shadow\"")
          && refused.contains("allow_blocking"), refused);
      assertEquals(0, report.path("statements").size(), "nothing ran: " + result);
      assertFalse(report.path("ok").asBoolean(true));
      System.out.println("LiveGuardsIT: " + refused);
    }
    assertEquals("", dryRun("live", "ALTER TABLE t ADD CONSTRAINT v_short CHECK (length(v) < 20) NOT VALID;",
        Map.of()).path("structuredContent").path("refused").asString(""), "NOT VALID only takes a brief lock");
    JsonNode allowed = dryRun("live", "ALTER TABLE t ALTER COLUMN v SET NOT NULL;", Map.of("allow_blocking", true))
        .path("structuredContent");
    assertTrue(allowed.path("ok").asBoolean(), allowed.toString());
    assertEquals("AccessExclusiveLock", allowed.path("statements").get(0).path("locks").get(0).path("mode").asString(),
        allowed.toString());
    assertEquals(before, live.db().fingerprint(), "nothing kept");
  }

  @Test
  void refusesSqlThatReachesOutsideTheDatabase() throws Exception {
    String before = live.db().fingerprint();
    Path marker = live.project().resolve("reach-marker");
    Map<String, String> liveCases = Map.of(
        "SELECT pg_read_file('/etc/passwd');", "files on the database server's host",
        "COPY t TO PROGRAM 'touch " + marker + "';", "program",
        "DO $$ BEGIN EXECUTE 'COPY t TO ''" + marker + "'''; END $$;", "COPY",
        "SELECT dblink_exec('dbname=" + live.db().name + "', 'DROP TABLE t');", "connects to another database",
        "CREATE EXTENSION IF NOT EXISTS postgres_fdw;", "postgres_fdw",
        "CREATE EXTENSION plpython3u;", "untrusted language",
        "ALTER SYSTEM SET work_mem = '1GB';", "configuration file",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid();", "other sessions",
        "SELECT set_config('role', 'pg_monitor', true);", "identity");
    for (Map.Entry<String, String> c : liveCases.entrySet()) {
      JsonNode result = dryRun("live", c.getKey(), Map.of());
      assertTrue(text(result).contains("refused"), c.getKey() + " → " + result);
      assertTrue(text(result).contains(c.getValue()), c.getKey() + " → " + text(result));
      assertEquals(0, result.path("structuredContent").path("statements").size(), result.toString());
    }
    // The host, and other databases, are outside the shadow too; other sessions of the shadow are its own.
    for (String sql : List.of("SELECT pg_read_file('/etc/passwd');", "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "';",
        "SELECT dblink_exec('dbname=x', 'SELECT 1');")) {
      JsonNode result = dryRun("shadow", sql, Map.of());
      assertTrue(text(result).contains("refused"), sql + " → " + result);
      assertFalse(result.toString().contains("root:x:0"), "no file content in the answer");
    }
    JsonNode shadowCancel = dryRun("shadow", "SELECT pg_cancel_backend(pg_backend_pid()) WHERE false;", Map.of());
    assertFalse(text(shadowCancel).contains("refused"), shadowCancel.toString());
    assertFalse(Files.exists(marker), "no program ran, no file was written");
    assertEquals(before, live.db().fingerprint(), "nothing kept");
  }

  @Test
  void reportsTheSequencesALiveRunAdvanced() throws Exception {
    long lastBefore = Long.parseLong(live.db().queryString("SELECT last_value FROM t_id_seq"));
    JsonNode report = dryRun("live", "INSERT INTO t (v) VALUES ('a'), ('b'), ('c');", Map.of()).path("structuredContent");
    assertTrue(report.path("ok").asBoolean(), report.toString());
    JsonNode advanced = report.path("sequences_advanced");
    assertEquals(1, advanced.size(), report.toString());
    assertEquals("public.t_id_seq", advanced.get(0).path("sequence").asString());
    assertEquals(lastBefore, advanced.get(0).path("from").asLong());
    assertEquals(lastBefore + 3, advanced.get(0).path("to").asLong());
    assertTrue(report.path("notes").toString().contains("does not restore sequences"), report.toString());
    assertEquals("2000", live.db().queryString("SELECT count(*) FROM t"), "the rows were rolled back");
    assertEquals(String.valueOf(lastBefore + 3), live.db().queryString("SELECT last_value FROM t_id_seq"), "the sequence was not");
    assertTrue(dryRun("live", "SELECT count(*) FROM t;", Map.of()).path("structuredContent")
        .path("sequences_advanced").isMissingNode(), "a read advances nothing");
  }
}
