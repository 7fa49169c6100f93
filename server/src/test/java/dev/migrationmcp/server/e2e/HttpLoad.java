package dev.migrationmcp.server.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Load over Streamable HTTP: {@code sessions} MCP sessions at once, each calling
 * {@code inspect_schema}, {@code lint_migration} and {@code search_past_migrations} in turn until
 * {@code duration} is over, plus {@code dryRunSessions} sessions calling {@code dry_run}
 * meanwhile. Every answer is checked; anything but a correct result counts as an error. Latency
 * is measured per call for the figures, never asserted on.
 */
final class HttpLoad {
  /** What one load run did. Latencies are of the read calls (inspect, lint, search) in microseconds. */
  record Result(int sessions, long calls, long dryRuns, long errors, List<String> firstErrors, long p50Micros,
      long p99Micros, long maxMicros) {
    String summary() {
      return String.format("%d sessions: %d calls (+%d dry runs), %d errors, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          sessions, calls, dryRuns, errors, p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0);
    }
  }

  private static final List<Call> READ_CALLS = List.of(
      new Call("inspect_schema", Map.of("tables", List.of("orders", "order_items")),
          r -> r.path("schemas").get(0).path("tables").size() == 2),
      new Call("lint_migration", Map.of("sql", """
          CREATE INDEX orders_placed_idx ON orders (placed_at);
          ALTER TABLE customers ADD COLUMN nickname varchar(20);"""),
          r -> r.path("findings").toString().contains("create-index-non-concurrently")),
      new Call("search_past_migrations", Map.of("query", "orders status"),
          r -> r.path("hits").size() > 0),
      new Call("inspect_schema", Map.of(),
          r -> r.path("schemas").get(0).path("tables").size() >= 5));
  private static final Call DRY_RUN = new Call("dry_run",
      Map.of("sql", "CREATE TABLE load_probe (id int); INSERT INTO load_probe SELECT generate_series(1, 1000); SELECT pg_sleep(0.2);"),
      r -> r.path("ok").asBoolean() && !r.path("committed").asBoolean(true));

  private record Call(String tool, Map<String, Object> arguments, java.util.function.Predicate<JsonNode> correct) {}

  private final String baseUrl;
  private final Map<String, String> headers;
  private final int sessions;
  private final int dryRunSessions;
  private final Duration duration;
  private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong dryRuns = new AtomicLong();

  HttpLoad(String baseUrl, Map<String, String> headers, int sessions, int dryRunSessions, Duration duration) {
    this.baseUrl = baseUrl;
    this.headers = headers;
    this.sessions = sessions;
    this.dryRunSessions = dryRunSessions;
    this.duration = duration;
  }

  /**
   * One call of each tool on one session, so the embedded database, the shadow baseline and the
   * memory index exist before the load (and before the first heap figure).
   */
  static void warmUp(String baseUrl, Map<String, String> headers) throws Exception {
    try (McpHttpClient client = new McpHttpClient(baseUrl, headers)) {
      client.streamableInitialize();
      for (Call call : READ_CALLS) {
        String problem = problem(call, client);
        if (problem != null) {
          throw new AssertionError("warm-up " + call.tool() + ": " + problem);
        }
      }
      String problem = problem(DRY_RUN, client);
      if (problem != null) {
        throw new AssertionError("warm-up dry_run: " + problem);
      }
    }
  }

  Result run() throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < sessions + dryRunSessions; i++) {
      boolean dryRunner = i >= sessions;
      int offset = i;
      Thread t = new Thread(() -> session(offset, dryRunner, end), "load-session-" + i);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    List<String> first;
    synchronized (errors) {
      first = List.copyOf(errors.subList(0, Math.min(10, errors.size())));
    }
    return new Result(sessions, calls.get(), dryRuns.get(), errors.size(), first, percentile(sorted, 50),
        percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
  }

  private void session(int offset, boolean dryRunner, long end) {
    try (McpHttpClient client = new McpHttpClient(baseUrl, headers)) {
      client.streamableInitialize();
      for (int n = offset; System.nanoTime() < end; n++) {
        Call call = dryRunner ? DRY_RUN : READ_CALLS.get(n % READ_CALLS.size());
        long t0 = System.nanoTime();
        String problem = problem(call, client);
        long micros = (System.nanoTime() - t0) / 1000;
        if (dryRunner) {
          dryRuns.incrementAndGet();
        } else {
          calls.incrementAndGet();
          latencies.add(micros);
        }
        if (problem != null) {
          errors.add(call.tool() + ": " + problem);
        }
      }
    } catch (Exception | AssertionError e) {
      errors.add("session " + offset + " failed to start: " + e);
    }
  }

  /** Null when the call was answered correctly, else what was wrong. */
  private static String problem(Call call, McpHttpClient client) {
    try {
      JsonNode answer = client.streamableRequest("tools/call", Map.of("name", call.tool(), "arguments", call.arguments()));
      JsonNode result = answer.path("result");
      if (answer.has("error") || result.path("isError").asBoolean()) {
        return abbreviate(answer.toString());
      }
      return call.correct().test(result.path("structuredContent")) ? null : "wrong answer " + abbreviate(result.toString());
    } catch (Exception | AssertionError e) {
      return abbreviate(e.toString());
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
