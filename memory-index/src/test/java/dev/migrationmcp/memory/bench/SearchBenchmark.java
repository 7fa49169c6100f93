package dev.migrationmcp.memory.bench;

import dev.migrationmcp.memory.index.MemorySettings;
import dev.migrationmcp.memory.index.MigrationIndex;
import dev.migrationmcp.memory.index.RefreshStats;
import dev.migrationmcp.memory.search.SearchRequest;
import dev.migrationmcp.memory.search.SearchResult;
import dev.migrationmcp.tools.testing.FileTrees;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Prints the memory index figures over a generated history: N migrations (default 2,000; the
 * issue's target run is 10,000), each committed on its own with a message (one {@code git
 * fast-import} process writes the whole history), plus decision records. Measures the full build,
 * a no-change refresh, the refresh after one new file, and the latency of 100 fixed queries (warm)
 * as p50/p95/p99, next to {@code git log -S} and {@code grep -r} for a few of the same terms.
 *
 * <p>Run: {@code mvn -B -o -q test-compile -pl memory-index && java -cp "$(cat memory-index/target/bench.cp)"
 * dev.migrationmcp.memory.bench.SearchBenchmark [migrations] [--no-git]} (see the README for the
 * one-liner that writes bench.cp). With {@code BENCH_PROJECT=/some/dir} the generated project is kept
 * there and reused by the next run (the index and the files the run adds are removed first), so that
 * before/after figures are taken on the same repository.
 */
public final class SearchBenchmark {
  private static final String[] TABLES = {"users", "orders", "order_items", "payments", "events", "products", "accounts",
      "invoices", "shipments", "addresses", "coupons", "sessions", "audit_log", "subscriptions", "refunds", "carts",
      "reviews", "categories", "warehouses", "stock_levels"};
  private static final String[] COLUMNS = {"user_id", "status", "created_at", "updated_at", "legacy_id", "email",
      "amount_cents", "currency", "payload", "deleted_at", "country_code", "external_ref", "note", "priority", "region"};
  private static final String[] AUTHORS = {"Alice Chen", "Bob Martins", "Carla Jensen", "Dana Ruiz", "Erin Walsh"};
  private static final String[] REASONS = {"the admin page filters on it", "support asked for it", "the import needs it",
      "reports were slow", "the old column was misleading", "GDPR cleanup", "the payment provider changed its API",
      "to stop a sequential scan on every request", "finance wants monthly totals", "to decouple from the legacy system"};

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 2000;
    boolean git = Arrays.stream(args).noneMatch("--no-git"::equals);
    String keep = System.getenv("BENCH_PROJECT");
    if (keep != null && !keep.isBlank()) {
      // Generating 10,000 commits takes longer than the measurement: keep the project for the next run.
      run(Path.of(keep).toAbsolutePath(), n, git);
      return;
    }
    Path project = Files.createTempDirectory("memory-bench");
    try {
      run(project, n, git);
    } finally {
      FileTrees.delete(project);
    }
  }

  private static void run(Path project, int n, boolean git) throws Exception {
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    Path decisions = Files.createDirectories(project.resolve("db/decisions"));
    Path marker = project.resolve(".bench-generated-" + n + (git ? "-git" : ""));
    if (Files.exists(marker)) {
      Files.deleteIfExists(migrations.resolve("V" + (n + 1) + "__add_index_orders_region.sql"));
      Files.deleteIfExists(migrations.resolve("V" + (n + 2) + "__add_index_orders_priority.sql"));
      FileTrees.delete(project.resolve(".migration-mcp"));
      System.out.printf(Locale.ROOT, "reusing the %d migrations generated in %s%n", n, project);
    } else {
      long t0 = System.nanoTime();
      List<String[]> files = generate(n);
      for (String[] f : files) {
        Files.writeString(project.resolve(f[0]), f[1]);
      }
      if (git) {
        fastImport(project, files);
      }
      Files.createFile(marker);
      System.out.printf(Locale.ROOT, "generated %d migrations + %d decisions%s in %d ms%n", n, n / 100,
          git ? " with one commit each" : " (no git)", ms(t0));
    }

    MemorySettings settings = MemorySettings.of(project, List.of(migrations), project.resolve(".migration-mcp/index"),
        decisions).withGit(git);
    try (MigrationIndex index = MigrationIndex.open(settings)) {
      cpuMillis();
      lastCpu = cpuMillis();
      long b = System.nanoTime();
      RefreshStats build = index.refresh();
      System.out.printf(Locale.ROOT, "full build:                      %6d ms  (%d documents)%n", ms(b), build.documents());
      phases(build);

      long r0 = System.nanoTime();
      RefreshStats none = index.refresh();
      System.out.printf(Locale.ROOT, "full refresh, no change:         %6d ms  (%d re-indexed)%n", ms(r0), none.updated());
      phases(none);

      Files.writeString(migrations.resolve("V" + (n + 1) + "__add_index_orders_region.sql"),
          "-- one more\nCREATE INDEX CONCURRENTLY idx_orders_region ON orders (region);\n");
      long r1 = System.nanoTime();
      RefreshStats one = index.refresh();
      System.out.printf(Locale.ROOT, "full refresh after one new file: %6d ms  (%d re-indexed; walks every file)%n",
          ms(r1), one.updated());
      phases(one);

      List<SearchRequest> queries = queries();
      for (int warm = 0; warm < 3; warm++) {
        for (SearchRequest q : queries) {
          index.search(q);
        }
      }
      long[] nanos = new long[queries.size()];
      long hits = 0;
      for (int i = 0; i < queries.size(); i++) {
        long q0 = System.nanoTime();
        SearchResult r = index.search(queries.get(i));
        nanos[i] = System.nanoTime() - q0;
        hits += r.hits().size();
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "search (100 queries, warm, refresh check included): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d hits)%n",
          pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[nanos.length - 1] / 1e6, hits);

      Files.writeString(migrations.resolve("V" + (n + 2) + "__add_index_orders_priority.sql"),
          "-- and another\nCREATE INDEX CONCURRENTLY idx_orders_priority ON orders (priority);\n");
      Thread.sleep(100); // let the file-system event arrive, as it has by the time a person or model asks
      long r2 = System.nanoTime();
      SearchResult found = index.search(SearchRequest.of("idx_orders_priority"));
      System.out.printf(Locale.ROOT, "search right after one new file: %6d ms  (refresh of that file included; found: %s)%n",
          ms(r2), !found.hits().isEmpty() && found.hits().get(0).path().contains("priority"));

    }

    for (String term : List.of("legacy_id", "idx_orders_user_id", "payload")) {
      long g0 = System.nanoTime();
      int grep = lines(project, "grep", "-rl", term, "db");
      long grepMs = ms(g0);
      String gitFigure = "";
      if (git) {
        long l0 = System.nanoTime();
        int log = lines(project, "git", "log", "--oneline", "-S" + term, "--", "db");
        gitFigure = String.format(Locale.ROOT, ", git log -S: %d ms (%d commits)", ms(l0), log);
      }
      System.out.printf(Locale.ROOT, "for comparison, '%s': grep -rl: %d ms (%d files)%s%n", term, grepMs, grep, gitFigure);
    }
  }

  private static List<String[]> generate(int n) {
    Random random = new Random(20240101);
    List<String[]> files = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String table = TABLES[random.nextInt(TABLES.length)];
      String column = COLUMNS[random.nextInt(COLUMNS.length)];
      String reason = REASONS[random.nextInt(REASONS.length)];
      String name;
      String sql;
      switch (random.nextInt(8)) {
        case 0 -> {
          name = "create_" + table + "_" + i;
          sql = "CREATE TABLE " + table + "_" + i + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, " + column
              + " text, created_at timestamptz NOT NULL DEFAULT now());";
        }
        case 1 -> {
          name = "add_" + column + "_to_" + table;
          sql = "ALTER TABLE " + table + " ADD COLUMN " + column + "_" + i + " text;";
        }
        case 2 -> {
          name = "index_" + table + "_" + column;
          sql = "CREATE INDEX CONCURRENTLY idx_" + table + "_" + column + "_" + i + " ON " + table + " (" + column + ");";
        }
        case 3 -> {
          name = "drop_" + table + "_" + column;
          sql = "ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + column + "_" + (i / 2) + ";";
        }
        case 4 -> {
          name = "backfill_" + table + "_" + column;
          sql = "UPDATE " + table + " SET " + column + " = lower(" + column + ") WHERE id BETWEEN " + i + " AND " + (i + 10000) + ";";
        }
        case 5 -> {
          name = table + "_" + column + "_type";
          sql = "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE text USING " + column + "::text;";
        }
        case 6 -> {
          name = table + "_" + column + "_not_null";
          sql = "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL;";
        }
        default -> {
          name = "rename_" + table + "_" + column;
          sql = "ALTER TABLE " + table + " RENAME COLUMN " + column + " TO " + column + "_old_" + i + ";";
        }
      }
      String body = "-- " + name.replace('_', ' ') + ": " + reason + ".\n" + sql + "\n";
      files.add(new String[] {"db/migration/V" + i + "__" + name + ".sql", body, AUTHORS[i % AUTHORS.length],
          name.replace('_', ' ') + "\n\nBecause " + reason + ". Ticket SHOP-" + (1000 + i) + "."});
      if (i % 100 == 0) {
        files.add(new String[] {"db/decisions/" + String.format(Locale.ROOT, "%04d", i / 100) + "-decision-" + i + ".md",
            "---\ntitle: Decision about " + table + " " + column + "\ndate: 2024-01-01\nstatus: accepted\ntables: [" + table
                + "]\n---\n\nWe decided to handle " + column + " on " + table + " differently because " + reason + ".\n",
            AUTHORS[0], "Decision about " + table});
      }
    }
    return files;
  }

  private static List<SearchRequest> queries() {
    List<SearchRequest> out = new ArrayList<>();
    Random random = new Random(7);
    String[] shapes = {"why did we change %s on %s", "when did we add an index on %2$s.%1$s", "who dropped %s",
        "migrations that rewrote the %2$s table", "%s %s", "backfill %s", "\"%s\" AND %s"};
    for (int i = 0; i < 100; i++) {
      String column = COLUMNS[random.nextInt(COLUMNS.length)];
      String table = TABLES[random.nextInt(TABLES.length)];
      String q = String.format(Locale.ROOT, shapes[i % shapes.length], column, table);
      SearchRequest r = SearchRequest.of(q);
      if (i % 10 == 3) {
        r = r.withTable(table);
      }
      if (i % 10 == 7) {
        r = r.withOperation("create_index");
      }
      out.add(r);
    }
    return out;
  }

  /** Writes the whole history with one {@code git fast-import}: one commit per migration. */
  private static void fastImport(Path project, List<String[]> files) throws IOException, InterruptedException {
    run(project, "git", "init", "-q", "-b", "main");
    Process p = new ProcessBuilder("git", "fast-import", "--quiet").directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long time = 1_600_000_000L;
    try (OutputStream out = new BufferedOutputStream(p.getOutputStream())) {
      int mark = 0;
      for (String[] f : files) {
        time += 3600;
        byte[] content = f[1].getBytes(StandardCharsets.UTF_8);
        byte[] message = f[3].getBytes(StandardCharsets.UTF_8);
        String author = f[2] + " <" + f[2].toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com> " + time + " +0000";
        StringBuilder header = new StringBuilder("commit refs/heads/main\nmark :" + (++mark) + "\nauthor " + author
            + "\ncommitter " + author + "\ndata " + message.length + "\n");
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        out.write(message);
        String parent = mark > 1 ? "from :" + (mark - 1) + "\n" : "";
        out.write(("\n" + parent + "M 100644 inline " + f[0] + "\ndata " + content.length + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write('\n');
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("git fast-import failed");
    }
    run(project, "git", "reset", "-q", "--hard", "main");
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  private static int lines(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.isBlank() ? 0 : out.split("\n").length;
  }

  /**
   * Where a refresh spent its time, elapsed/CPU ms per phase (phases on several threads add up
   * their threads' times), then the CPU time of this process and of the git processes it waited
   * for since the previous call: on a shared machine elapsed times swell, CPU times hardly.
   */
  private static void phases(RefreshStats stats) {
    StringBuilder line = new StringBuilder("    phases (elapsed/cpu ms):");
    stats.phaseMillis().forEach((phase, millis) -> line.append(' ').append(phase).append(' ').append(millis)
        .append('/').append(stats.phaseCpuMillis().getOrDefault(phase, 0L)).append(','));
    long[] cpu = cpuMillis();
    line.append(String.format(Locale.ROOT, " cpu: jvm %d ms, git %d ms", cpu[0] - lastCpu[0], cpu[1] - lastCpu[1]));
    lastCpu = cpu;
    System.out.println(line);
  }

  private static long[] lastCpu = cpuMillis();

  /** CPU ms of this JVM and of its waited-for children (Linux /proc; zeros elsewhere). */
  private static long[] cpuMillis() {
    long jvm = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 16 and 17 of stat (cutime, cstime), counted from the state field (3) on
      long ticks = Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
      return new long[] {jvm, ticks * 10};
    } catch (IOException | RuntimeException e) {
      return new long[] {jvm, 0};
    }
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
