package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN safety invariants 1, 3 and 4 on a live target: the real server, started with
 * {@code --database-url} on a scratch database of the PostgreSQL at 127.0.0.1:5432, never leaves
 * a change there, never queues behind another session's lock longer than its lock_timeout, and
 * leaves no open transaction behind when it is killed with SIGKILL mid-statement.
 */
class LiveSafetyIT {
  @RegisterExtension static final ProjectServer live = ProjectServer.scratchDatabase("mmcp_it_live")
      .withSchema("""
          CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text NOT NULL);
          INSERT INTO t (v) SELECT 'row ' || g FROM generate_series(1, 1000) g;
          CREATE INDEX t_v_idx ON t (v);
          CREATE TABLE child (id int PRIMARY KEY, t_id bigint REFERENCES t (id));""");

  @BeforeEach
  void serverIsUp() {
    assertTrue(live.process().process.isAlive(), "the server is running");
  }

  private static JsonNode liveDryRun(Map<String, Object> arguments, Duration bound) throws Exception {
    Map<String, Object> args = new java.util.HashMap<>(arguments);
    args.put("target", "live");
    JsonNode response = live.process().request("tools/call", Map.of("name", "dry_run", "arguments", args), new ArrayList<>(), bound);
    assertFalse(response.has("error"), response.toString());
    return response.path("result");
  }

  private static String text(JsonNode result) {
    return result.path("content").get(0).path("text").asString();
  }

  @Test
  void commitMidScriptIsRefusedAndLeavesTheTableInPlace() throws Exception {
    String before = live.db().fingerprint();
    for (String sql : List.of(
        "COMMIT; DROP TABLE t;",
        "commit\n;\nDROP TABLE t CASCADE;",
        "/* a comment */ END; DROP TABLE t;",
        "COMMIT AND CHAIN; DROP TABLE t;",
        "ROLLBACK; DROP TABLE t;",
        "BEGIN; COMMIT; DROP TABLE t;",
        "PREPARE TRANSACTION 'mmcp_escape'; DROP TABLE t;",
        "DROP TABLE t CASCADE; PREPARE TRANSACTION 'mmcp_escape';",
        "COMMIT PREPARED 'mmcp_escape';",
        "SET ROLE NONE; DROP TABLE t;",
        "SET SESSION AUTHORIZATION DEFAULT; DROP TABLE t;",
        "RESET ALL; DROP TABLE t;",
        "DISCARD ALL; DROP TABLE t;")) {
      JsonNode result = liveDryRun(Map.of("sql", sql), Duration.ofSeconds(30));
      String answer = result.toString();
      assertTrue(text(result).contains("refused"), sql + " → " + answer);
      assertFalse(result.path("structuredContent").path("committed").asBoolean(false), answer);
      assertEquals("1000", live.db().queryString("SELECT count(*) FROM t"), "t is still there after " + sql);
    }
    assertEquals(before, live.db().fingerprint(), "nothing changed");
  }

  @Test
  void transactionControlThePlannerModelsOrPostgresRefusesChangesNothing() throws Exception {
    String before = live.db().fingerprint();
    for (String sql : List.of(
        "DROP TABLE child; DROP TABLE t; COMMIT;",
        "BEGIN; DROP TABLE child; DROP TABLE t; COMMIT;",
        "START TRANSACTION; TRUNCATE t CASCADE; END;",
        // PostgreSQL refuses transaction control inside DO/procedures within a transaction block.
        "DO $$ BEGIN DROP TABLE t CASCADE; COMMIT; END $$;",
        "CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN DELETE FROM t; COMMIT; END $$; CALL p();")) {
      JsonNode result = liveDryRun(Map.of("sql", sql), Duration.ofSeconds(30));
      assertFalse(result.path("structuredContent").path("committed").asBoolean(true), result.toString());
      assertEquals(before, live.db().fingerprint(), "nothing kept after " + sql + " → " + result);
    }
  }

  @Test
  void liveDryRunsNeverKeepAnything() throws Exception {
    String before = live.db().fingerprint();
    List<String> scripts = List.of(
        "ALTER TABLE t ADD COLUMN note text DEFAULT 'x' NOT NULL;",
        "ALTER TABLE t ALTER COLUMN v TYPE varchar(100);",
        "CREATE INDEX t_id_v_idx ON t (id, v); CREATE TABLE other (id int); CREATE SCHEMA s2; CREATE TYPE mood AS ENUM ('a');",
        "UPDATE t SET v = v || '!'; DELETE FROM t WHERE id < 100; TRUNCATE child;",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE TRIGGER tr BEFORE UPDATE ON t "
            + "FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();",
        "ALTER TABLE t RENAME TO t_renamed; ALTER TABLE child DROP COLUMN t_id; DROP INDEX t_v_idx;",
        "CREATE ROLE mmcp_it_should_not_exist; COMMENT ON TABLE t IS 'changed';",
        "SET lock_timeout = 0; SET statement_timeout = 0; ALTER TABLE t ADD COLUMN y int;",
        "ALTER TABLE t ADD COLUMN broken nosuchtype; DROP TABLE t;");
    for (String sql : scripts) {
      JsonNode result = liveDryRun(Map.of("sql", sql, "down_sql", "SELECT 1;"), Duration.ofSeconds(60));
      assertFalse(result.path("isError").asBoolean(), sql + " → " + result);
      assertEquals(before, live.db().fingerprint(), "nothing kept after " + sql);
    }
    // The same, checked through the server's own inspect_schema.
    JsonNode schema = live.process().callTool("inspect_schema", Map.of("tables", List.of("t")), new ArrayList<>())
        .path("result").path("structuredContent");
    assertEquals(2, schema.path("schemas").get(0).path("tables").get(0).path("columns").size(), schema.toString());
    assertEquals(null, live.db().queryString("SELECT rolname FROM pg_roles WHERE rolname = 'mmcp_it_should_not_exist'"));
  }

  @Test
  void anotherSessionsLockMakesTheDryRunGiveUpWith55P03() throws Exception {
    try (Connection holder = live.db().connect(); Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      s.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
      for (String sql : List.of(
          "ALTER TABLE t ADD COLUMN z int;",
          "SELECT count(*) FROM t;",
          // The script cannot lift the runner's lock_timeout for itself.
          "SET lock_timeout = 0; ALTER TABLE t ADD COLUMN z int;",
          "SET LOCAL lock_timeout = '1h'; UPDATE t SET v = v;",
          "RESET lock_timeout; SELECT * FROM t;")) {
        long t0 = System.nanoTime();
        JsonNode result = liveDryRun(Map.of("sql", sql), Duration.ofSeconds(20));
        double seconds = (System.nanoTime() - t0) / 1e9;
        JsonNode statements = result.path("structuredContent").path("statements");
        JsonNode failed = null;
        for (JsonNode st : statements) {
          if (st.has("error")) {
            failed = st.path("error");
          }
        }
        assertNotNull(failed, sql + " → " + result);
        assertEquals("55P03", failed.path("sqlstate").asString(), sql + " → " + result);
        System.out.printf("LiveSafetyIT: %s gave up on the held lock after %.1f s%n", sql, seconds);
      }
      // Lifting the limit from inside one statement is refused before anything runs.
      for (String sql : List.of("SELECT set_config('lock_timeout', '0', false), (SELECT count(*) FROM t);",
          "DO $$ BEGIN SET LOCAL lock_timeout = 0; PERFORM count(*) FROM t; END $$;")) {
        JsonNode result = liveDryRun(Map.of("sql", sql), Duration.ofSeconds(20));
        assertTrue(text(result).contains("refused"), sql + " → " + result);
      }
      holder.rollback();
    }
  }

  @Test
  void killingTheServerMidStatementLeavesNoOpenTransaction() throws Exception {
    try (McpProcess victim = McpProcess.start(Map.of(), "serve", "--project", live.project().toString(),
        "--database-url", live.db().url())) {
      victim.initialize();
      victim.send("tools/call", Map.of("name", "dry_run", "arguments",
          Map.of("sql", "UPDATE t SET v = v || '?'; SELECT pg_sleep(60);", "target", "live", "timeout_ms", 120_000)));
      String backends = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
          + "AND application_name = 'migration-mcp' AND xact_start IS NOT NULL";
      String sleeping = backends + " AND query LIKE '%pg_sleep(60)%' AND state = 'active'";
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!"1".equals(live.db().queryString(sleeping))) {
        assertTrue(System.nanoTime() < deadline, "the dry run never reached pg_sleep:\n" + victim.stderr());
        Thread.sleep(100);
      }
      victim.process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
      victim.process.waitFor();
      long killed = System.nanoTime();
      while (!"0".equals(live.db().queryString(backends))) {
        assertTrue(System.nanoTime() - killed < Duration.ofSeconds(15).toNanos(),
            "a killed server's transaction is still open after 15 s (client_connection_check_interval)");
        Thread.sleep(100);
      }
      System.out.printf("LiveSafetyIT: the killed server's transaction was gone %.1f s after SIGKILL%n",
          (System.nanoTime() - killed) / 1e9);
      assertEquals("0", live.db().queryString("SELECT count(*) FROM t WHERE v LIKE '%?'"), "the UPDATE was rolled back");
      assertEquals("0", live.db().queryString("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
          + "WHERE c.relname = 't' AND l.pid <> pg_backend_pid()"), "no lock is left on t");
    }
  }
}
