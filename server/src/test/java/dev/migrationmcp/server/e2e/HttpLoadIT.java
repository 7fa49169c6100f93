package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 6 and 7, load: {@code serve --http} on the sample project, 50 MCP sessions at once over
 * Streamable HTTP calling inspect_schema, lint_migration and search_past_migrations for 20 s,
 * while three more sessions call dry_run. No call may fail, dry runs must not overlap (the shadow
 * cluster never holds two clones at once), and the live heap after the load stays near where it
 * was before. {@code -Dload.seconds=N} and {@code -Dload.sessions=N} change the size; the full
 * minute with latency figures is {@code bin/bench http}.
 */
class HttpLoadIT {
  private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 20));
  private static final int SESSIONS = Integer.getInteger("load.sessions", 50);
  private static final int DRY_RUN_SESSIONS = 3;
  /** Room for caches that fill once (statement plans, JIT-compiled lambdas, Lucene readers). */
  private static final long HEAP_GROWTH_ALLOWED = 48L * 1024 * 1024;

  @TempDir Path project;

  @Test
  void fiftySessionsCallToolsWithoutAnErrorAndDryRunsStaySerialized() throws Exception {
    McpProcess.copySampleProject(project);
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--http", "127.0.0.1:0", "--project", project.toString())) {
      String base = server.httpBaseUrl();
      HttpLoad.warmUp(base, Map.of());
      long heapBefore = server.liveHeapBytes();
      HttpLoad.Result result;
      int maxClones;
      int samplesWithClone;
      try (DryRunOverlapSampler sampler = new DryRunOverlapSampler(server.embeddedPort(), "postgres")) {
        result = new HttpLoad(base, Map.of(), SESSIONS, DRY_RUN_SESSIONS, DURATION).run();
        maxClones = sampler.maxConcurrentClones();
        samplesWithClone = sampler.samplesWithClone();
      }
      long heapAfter = server.liveHeapBytes();
      System.out.printf("HttpLoadIT: %s; live heap %d MB -> %d MB; dry-run clones at once: at most %d (%d samples saw one)%n",
          result.summary(), heapBefore >> 20, heapAfter >> 20, maxClones, samplesWithClone);

      assertEquals(0, result.errors(), "errors under load: " + result.firstErrors() + "\n" + tail(server));
      assertTrue(result.calls() >= SESSIONS, "every session made calls: " + result.summary());
      assertTrue(result.dryRuns() >= DRY_RUN_SESSIONS, "the dry runs ran: " + result.summary());
      assertTrue(samplesWithClone > 0, "the sampler saw the dry runs' clones (else it proves nothing)");
      assertEquals(1, maxClones, "dry runs on one target never overlap");
      assertTrue(heapAfter - heapBefore < HEAP_GROWTH_ALLOWED,
          "live heap grew from " + (heapBefore >> 20) + " MB to " + (heapAfter >> 20) + " MB under load");
      assertTrue(server.process.isAlive(), "the server is still up");
      server.process.destroy();
      assertEquals(0, server.awaitExit(Duration.ofSeconds(30)), "SIGTERM after the load still exits 0");
    }
  }

  private static String tail(McpProcess server) throws java.io.IOException {
    String err = server.stderr();
    return err.substring(Math.max(0, err.length() - 3000));
  }
}
