package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Live dry runs under a real write workload: pgbench (TPC-B-like, several clients) writes to the
 * tables while the server dry-runs DDL and DML on the same tables. pgbench must report no failed
 * transaction, every dry-run statement that waited on a lock gave up with 55P03 after its
 * lock_timeout (never the statement timeout, which would mean it queued), and nothing is kept.
 */
class PgbenchLoadIT {
  private static final long LOCK_TIMEOUT_MS = 1_000;
  /** A statement queued behind the workload instead of giving up would hit this (57014) and fail the test. */
  private static final long STATEMENT_TIMEOUT_MS = 10_000;
  private static final int PGBENCH_SECONDS = 20;
  @TempDir static Path project;
  private static ScratchPostgres db;
  private static McpProcess server;
  private static Path pgbench;

  @BeforeAll
  static void start() throws Exception {
    pgbench = findPgbench();
    Assumptions.assumeTrue(pgbench != null, "pgbench not found on PATH nor in /usr/lib/postgresql/*/bin: it ships with "
        + "Debian's postgresql-NN server package (.ci/run installs it); skipping the load test");
    Assumptions.assumeTrue(ScratchPostgres.available(), ScratchPostgres.SKIP_MESSAGE);
    db = ScratchPostgres.create("mmcp_it_pgbench");
    db.execute("CREATE TABLE t (id int)"); // ScratchPostgres.fingerprint hashes t's data; the rest is structure
    Process init = pgbench("-i", "-s", "1", "-q");
    String out = new String(init.getInputStream().readAllBytes());
    assertEquals(0, init.waitFor(), "pgbench -i failed:\n" + out);
    server = McpProcess.start(Map.of(), "serve", "--project", project.toString(), "--database-url", db.url());
    server.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void liveDryRunsUnderAWriteWorkloadFailNoTransactionAndKeepNothing() throws Exception {
    String before = db.fingerprint();
    int major = pgbenchMajorVersion();
    // The built-in TPC-B-like script, plus one that keeps a row lock (and ROW EXCLUSIVE on the
    // table) for 1.5 s (longer than the lock_timeout), so that the dry run's stronger locks really have to wait, and give up.
    Path slow = Files.writeString(project.resolve("slow-writer.sql"), """
        \\set aid random(1, 100000 * :scale)
        BEGIN;
        UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;
        SELECT pg_sleep(1.5);
        END;
        """);
    List<String> args = new ArrayList<>(List.of("-n", "-c", "4", "-j", "2", "-T", String.valueOf(PGBENCH_SECONDS),
        "-b", "tpcb-like@1", "-f", slow + "@1"));
    if (major >= 15) {
      args.add("--max-tries=10"); // serialization/deadlock retries, and the "failed transactions" line
    }
    Process bench = pgbench(args.toArray(String[]::new));
    List<String> scripts = List.of(
        "SET lock_timeout = '1s';\nALTER TABLE pgbench_accounts ADD COLUMN note text;",
        "CREATE INDEX pgbench_accounts_abalance_idx ON pgbench_accounts (abalance);",
        "ALTER TABLE pgbench_branches ALTER COLUMN bbalance SET NOT NULL;",
        "UPDATE pgbench_tellers SET tbalance = tbalance + 1 WHERE tid = 1;",
        "ALTER TABLE pgbench_history ADD COLUMN ref bigint;");
    Thread.sleep(2_000); // let the workload get going
    int runs = 0;
    int gaveUp = 0;
    while (bench.isAlive() || runs < scripts.size()) {
      String sql = scripts.get(runs % scripts.size());
      JsonNode response = server.request("tools/call", Map.of("name", "dry_run", "arguments", Map.of("sql", sql,
          "target", "live", "lock_timeout_ms", LOCK_TIMEOUT_MS, "timeout_ms", STATEMENT_TIMEOUT_MS)), new ArrayList<>(),
          Duration.ofSeconds(90));
      JsonNode report = response.path("result").path("structuredContent");
      assertFalse(response.path("result").path("isError").asBoolean(), sql + " → " + response);
      assertFalse(report.has("refused"), sql + " → " + report);
      for (JsonNode st : report.path("statements")) {
        if (st.has("error")) {
          assertEquals("55P03", st.path("error").path("sqlstate").asString(),
              "a statement may only fail by giving up on a lock: " + sql + " → " + st);
          gaveUp++;
        }
        System.out.printf("PgbenchLoadIT: %-60s %8.0f ms %s%n", st.path("sql").asString(), st.path("duration_ms").asDouble(),
            st.has("error") ? "gave up (55P03)" : "ran");
      }
      runs++;
    }
    String output = new String(bench.getInputStream().readAllBytes());
    assertTrue(bench.waitFor(60, TimeUnit.SECONDS), "pgbench ended");
    System.out.println("PgbenchLoadIT: " + runs + " live dry runs, " + gaveUp + " statements gave up on a lock; pgbench:\n"
        + output);
    assertEquals(0, bench.exitValue(), "pgbench aborted a client:\n" + output);
    Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(output);
    assertTrue(processed.find() && Long.parseLong(processed.group(1)) > 0, output);
    Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
    if (major >= 15) {
      assertTrue(failed.find(), output);
      assertEquals("0", failed.group(1), "pgbench transactions failed during live dry runs:\n" + output);
    }
    assertEquals(before, db.fingerprint(), "nothing kept");
  }

  private static Process pgbench(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-h", ScratchPostgres.HOST, "-p",
        String.valueOf(ScratchPostgres.PORT), "-U", ScratchPostgres.USER));
    command.addAll(List.of(args));
    command.add(db.name);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static int pgbenchMajorVersion() throws Exception {
    Process p = new ProcessBuilder(pgbench.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    Matcher m = Pattern.compile("(\\d+)(\\.\\d+)?").matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * pgbench on PATH when it runs, else the newest /usr/lib/postgresql/NN/bin/pgbench, else null.
   * Debian's client package installs a /usr/bin/pgbench wrapper that fails without the server
   * package, so being on PATH is not enough.
   */
  static Path findPgbench() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "pgbench");
      if (Files.isExecutable(p) && runs(p)) {
        return p;
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
          .max(Comparator.comparing(p -> p.getParent().getParent().getFileName().toString(),
              Comparator.comparingInt(PgbenchLoadIT::versionNumber)))
          .filter(PgbenchLoadIT::runs)
          .orElse(null);
    }
  }

  private static boolean runs(Path pgbench) {
    try {
      Process p = new ProcessBuilder(pgbench.toString(), "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int versionNumber(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
