package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN safety invariant 4, shadow side: a server killed with SIGKILL in the middle of a shadow
 * dry run leaves its {@code mmcp_dry_*} clone behind; the next server to use that shadow server
 * drops it on first use. Runs against {@code --shadow-url} on the PostgreSQL at 127.0.0.1:5432.
 */
class ShadowCrashIT {
  @TempDir Path project;

  @Test
  void theNextStartDropsTheCloneOfAKilledDryRun() throws Exception {
    Assumptions.assumeTrue(ScratchPostgres.available(), ScratchPostgres.SKIP_MESSAGE);
    String shadowUrl = "postgres://" + ScratchPostgres.USER + "@" + ScratchPostgres.HOST + ":" + ScratchPostgres.PORT
        + "/" + ScratchPostgres.MAINTENANCE_DB;
    try (ScratchPostgres target = ScratchPostgres.create("mmcp_it_shadow")) {
      String[] args = {"serve", "--project", project.toString(), "--database-url", target.url(), "--shadow-url", shadowUrl};
      String clone;
      try (McpProcess victim = McpProcess.start(Map.of(), args)) {
        victim.initialize();
        victim.send("tools/call", Map.of("name", "dry_run", "arguments",
            Map.of("sql", "CREATE TABLE kept (id int); SELECT pg_sleep(60);", "timeout_ms", 120_000)));
        String sleeping = "SELECT datname FROM pg_stat_activity WHERE datname LIKE 'mmcp\\_dry\\_%\\_"
            + victim.process.pid() + "\\_%' AND query LIKE '%pg_sleep(60)%' AND state = 'active'";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((clone = query(sleeping)) == null) {
          assertTrue(System.nanoTime() < deadline, "the shadow dry run never reached pg_sleep:\n" + victim.stderr());
          Thread.sleep(100);
        }
        victim.process.destroyForcibly(); // SIGKILL mid-run: the clone is not dropped
        victim.process.waitFor();
      }
      long killed = System.nanoTime();
      String inClone = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + clone + "'";
      while (!"0".equals(query(inClone))) {
        assertTrue(System.nanoTime() - killed < Duration.ofSeconds(15).toNanos(), "the killed run's backend stayed");
        Thread.sleep(100);
      }
      System.out.printf("ShadowCrashIT: the killed shadow run's backend was gone %.1f s after SIGKILL%n",
          (System.nanoTime() - killed) / 1e9);
      String exists = "SELECT datname FROM pg_database WHERE datname = '" + clone + "'";
      assertEquals(clone, query(exists), "the killed server left its clone (the case the next start must clean)");

      try (McpProcess next = McpProcess.start(Map.of(), args)) {
        next.initialize();
        JsonNode result = next.callTool("dry_run", Map.of("sql", "SELECT 1"), new ArrayList<>()).path("result");
        assertFalse(result.path("isError").asBoolean(), result.toString());
        assertEquals(null, query(exists), "the orphan clone " + clone + " was dropped on first shadow use");
        assertTrue(next.stderr().contains(clone), "the drop is logged");
      }
    }
  }

  private static String query(String sql) throws Exception {
    try (var c = ScratchPostgres.connect(ScratchPostgres.MAINTENANCE_DB); var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
