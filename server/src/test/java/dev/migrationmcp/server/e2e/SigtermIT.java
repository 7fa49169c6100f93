package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, SIGTERM with calls in flight: the server cancels its dry runs (they answer, rolled
 * back, their clone dropped), stops its embedded PostgreSQL and exits 0 — checked the moment it has
 * exited, not after PostgreSQL had time to notice a dead client. Over stdio on the embedded
 * database, and over HTTP on a live target with {@code --shadow-url} (both on the PostgreSQL at
 * 127.0.0.1:5432, skipped when none answers there).
 */
class SigtermIT {
  private static final String SLEEPING_SHADOW_RUN = "CREATE TABLE kept (id int); SELECT pg_sleep(60);";

  @TempDir Path project;

  @Test
  void overStdioTheDryRunInFlightIsCancelledAndTheEmbeddedDatabaseStopped() throws Exception {
    McpProcess.copySampleProject(project);
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--project", project.toString())) {
      server.initialize();
      server.callTool("inspect_schema", Map.of(), new ArrayList<>());
      int dryRun = server.send("tools/call", Map.of("name", "dry_run", "arguments",
          Map.of("sql", SLEEPING_SHADOW_RUN, "timeout_ms", 120_000)));
      String sleepingClone = "SELECT datname FROM pg_stat_activity WHERE datname LIKE 'mmcp\\_dry\\_%' "
          + "AND query LIKE '%pg_sleep(60)%' AND state = 'active'";
      int port = server.embeddedPort();
      awaitRow(() -> queryEmbedded(port, sleepingClone), "the shadow dry run never reached pg_sleep", server);
      List<ProcessHandle> postgres = server.embeddedPostgres();
      assertFalse(postgres.isEmpty(), "the embedded PostgreSQL runs");

      // SIGTERM through the handle: Process.destroy() would also close our end of its stdout.
      server.process.toHandle().destroy();
      assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), "SIGTERM exits 0:\n" + server.stderr());
      List<JsonNode> others = new ArrayList<>();
      JsonNode answer;
      try {
        answer = server.awaitResponse(dryRun, others, Duration.ofSeconds(5));
      } catch (AssertionError e) {
        throw new AssertionError("no answer to the dry run; other messages " + others + ", non-JSON lines "
            + server.nonJsonLines() + "; stderr:\n" + server.stderr(), e);
      }
      assertCancelled(answer);
      assertAllGone(postgres);
    }
  }

  @Test
  void overHttpLiveAndShadowDryRunsInFlightAreRolledBackBeforeExit() throws Exception {
    Assumptions.assumeTrue(ScratchPostgres.available(), ScratchPostgres.SKIP_MESSAGE);
    String shadowUrl = "postgres://" + ScratchPostgres.USER + "@" + ScratchPostgres.HOST + ":" + ScratchPostgres.PORT
        + "/" + ScratchPostgres.MAINTENANCE_DB;
    try (ScratchPostgres db = ScratchPostgres.create("mmcp_it_sigterm")) {
      db.execute("""
          CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text NOT NULL);
          INSERT INTO t (v) SELECT 'row ' || g FROM generate_series(1, 1000) g;""");
      String before = db.fingerprint();
      try (McpProcess server = McpProcess.start(Map.of(), "serve", "--http", "127.0.0.1:0", "--project", project.toString(),
          "--database-url", db.url(), "--shadow-url", shadowUrl)) {
        String base = server.httpBaseUrl();
        CompletableFuture<JsonNode> live = callInOwnSession(base, Map.of("sql",
            "UPDATE t SET v = v || '?'; SELECT pg_sleep(60);", "target", "live", "timeout_ms", 120_000));
        CompletableFuture<JsonNode> shadow = callInOwnSession(base, Map.of("sql", SLEEPING_SHADOW_RUN, "timeout_ms", 120_000));
        String liveTransactions = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            + "AND application_name = 'migration-mcp' AND xact_start IS NOT NULL";
        String ownClones = "SELECT datname FROM pg_database WHERE datname LIKE 'mmcp\\_dry\\_%\\_" + server.process.pid() + "\\_%'";
        awaitRow(() -> "1".equals(db.queryString(liveTransactions + " AND query LIKE '%pg_sleep(60)%' AND state = 'active'"))
            ? "sleeping" : null, "the live dry run never reached pg_sleep", server);
        awaitRow(() -> queryMaintenance("SELECT datname FROM pg_stat_activity WHERE datname LIKE 'mmcp\\_dry\\_%\\_"
            + server.process.pid() + "\\_%' AND query LIKE '%pg_sleep(60)%' AND state = 'active'"),
            "the shadow dry run never reached pg_sleep", server);

        server.process.destroy(); // SIGTERM
        assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), "SIGTERM exits 0:\n" + server.stderr());
        // At once, not after PostgreSQL noticed a dead client: the server rolled back and dropped before exiting.
        assertEquals("0", db.queryString(liveTransactions), "no transaction of the live dry run is left");
        assertEquals(before, db.fingerprint(), "the live database is unchanged");
        assertEquals(null, queryMaintenance(ownClones), "the shadow clone was dropped");
        assertCancelled(live.get(10, TimeUnit.SECONDS));
        assertCancelled(shadow.get(10, TimeUnit.SECONDS));
      }
    }
  }

  /** A dry run answered after being cancelled: not committed, and it says the statement was cancelled. */
  private static void assertCancelled(JsonNode answer) {
    JsonNode result = answer.path("result");
    assertFalse(answer.has("error"), answer.toString());
    assertFalse(result.path("structuredContent").path("committed").asBoolean(false), answer.toString());
    String text = result.toString();
    assertTrue(text.contains("57014") || text.contains("cancel"), "the answer says the run was cancelled: " + text);
  }

  /** On a thread of its own: the common pool may have a single thread on a 2-core machine. */
  private static CompletableFuture<JsonNode> callInOwnSession(String base, Map<String, Object> arguments) {
    return CompletableFuture.supplyAsync(() -> {
      try (McpHttpClient client = new McpHttpClient(base, Map.of())) {
        client.streamableInitialize();
        return client.streamableRequest("tools/call", Map.of("name", "dry_run", "arguments", arguments));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, runnable -> new Thread(runnable, "sigterm-it-call").start());
  }

  interface Probe {
    String value() throws Exception;
  }

  private static void awaitRow(Probe probe, String failure, McpProcess server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (probe.value() == null) {
      assertTrue(System.nanoTime() < deadline, failure + ":\n" + server.stderr());
      assertTrue(server.process.isAlive(), "the server died:\n" + server.stderr());
      Thread.sleep(100);
    }
  }

  private static String queryEmbedded(int port, String sql) throws Exception {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String queryMaintenance(String sql) throws Exception {
    try (Connection c = ScratchPostgres.connect(ScratchPostgres.MAINTENANCE_DB); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static void assertAllGone(List<ProcessHandle> processes) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(List.of(), processes.stream().filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(), "no PostgreSQL left running");
  }
}
