package dev.migrationmcp.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code bin/bench http}: the {@link HttpLoadIT} load for a full minute (or {@code args[0]}
 * seconds, {@code args[1]} sessions, {@code args[2]} of them calling dry_run, default 3), printing latency percentiles, errors and the server's live
 * heap before and after. Not a test: it prints figures and passes or fails nothing.
 */
public final class HttpLoadBenchmark {
  private HttpLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int dryRunSessions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path project = Files.createTempDirectory("mmcp-http-bench");
    McpProcess.copySampleProject(project);
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--http", "127.0.0.1:0", "--project", project.toString())) {
      String base = server.httpBaseUrl();
      HttpLoad.warmUp(base, Map.of());
      long heapBefore = server.liveHeapBytes();
      HttpLoad.Result result;
      int maxClones;
      try (DryRunOverlapSampler sampler = new DryRunOverlapSampler(server.embeddedPort(), "postgres")) {
        result = new HttpLoad(base, Map.of(), sessions, dryRunSessions, Duration.ofSeconds(seconds)).run();
        maxClones = sampler.maxConcurrentClones();
      }
      long heapAfter = server.liveHeapBytes();
      System.out.printf("HTTP load, %d s: %s%n", seconds, result.summary());
      System.out.printf("HTTP errors: %d%s%n", result.errors(), result.errors() == 0 ? "" : " " + result.firstErrors());
      System.out.printf("HTTP p50 / p99: %.1f / %.1f ms%n", result.p50Micros() / 1000.0, result.p99Micros() / 1000.0);
      System.out.printf("server live heap before / after: %d / %d MB%n", heapBefore >> 20, heapAfter >> 20);
      System.out.printf("dry-run clones at once (serialized per target when 1): %d%n", maxClones);
    }
  }
}
