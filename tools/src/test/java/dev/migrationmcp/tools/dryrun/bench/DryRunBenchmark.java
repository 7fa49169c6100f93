package dev.migrationmcp.tools.dryrun.bench;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.EmbeddedPostgresServer;
import dev.migrationmcp.tools.dryrun.Baseline;
import dev.migrationmcp.tools.dryrun.BaselineSpec;
import dev.migrationmcp.tools.dryrun.DryRun;
import dev.migrationmcp.tools.dryrun.ScriptPart;
import dev.migrationmcp.tools.dryrun.ShadowDatabases;
import dev.migrationmcp.tools.flyway.MigrationFiles;
import dev.migrationmcp.tools.flyway.MigrationLocations;
import dev.migrationmcp.tools.sql.SqlScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the dry-run figures of issue 4: the one-time baseline build of a 500-migration,
 * 300-table project, the clone of that baseline (median), and a whole dry run of a small
 * migration on it (median); then the live baseline: a schema-only copy of that 300-table database
 * built from its catalog, and the cost of checking it is unchanged (median). Usage: {@code DryRunBenchmark [shadow-server-url]}.
 */
public final class DryRunBenchmark {
  public static void main(String[] args) throws Exception {
    EmbeddedPostgresServer embedded = null;
    DatabaseUrl admin;
    if (args.length > 0 && !args[0].isBlank()) {
      admin = DatabaseUrl.parse(args[0]);
    } else {
      embedded = EmbeddedPostgresServer.start();
      admin = embedded.url("postgres");
    }
    Path dir = Files.createTempDirectory("mmcp-dry-bench");
    Path folder = Files.createDirectories(dir.resolve("db/migration"));
    for (int v = 1; v <= 500; v++) {
      String sql;
      int t = (v - 1) % 300 + 1;
      if (v <= 300) {
        sql = "CREATE TABLE t" + t + " (id bigint PRIMARY KEY, a text, b integer, c timestamptz DEFAULT now());\n";
      } else {
        sql = "ALTER TABLE t" + t + " ADD COLUMN d" + v + " text;\nCREATE INDEX t" + t + "_d" + v + "_idx ON t" + t
            + " (d" + v + ");\n";
      }
      Files.writeString(folder.resolve("V" + v + "__step_" + v + ".sql"), sql);
    }
    try {
      ShadowDatabases shadow = new ShadowDatabases(() -> admin);
      BaselineSpec spec = new BaselineSpec(List.of(MigrationLocations.asFlywayLocations(List.of(folder))), null,
          MigrationFiles.list(List.of(folder)));
      long t0 = System.nanoTime();
      Baseline baseline = shadow.baseline(spec);
      System.out.printf("baseline: 500 migrations, 300 tables replayed once in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      double[] clones = new double[9];
      for (int i = 0; i < clones.length; i++) {
        long c0 = System.nanoTime();
        try (ShadowDatabases.Clone clone = shadow.clone(baseline)) {
          clones[i] = (System.nanoTime() - c0) / 1e6;
        }
      }
      Arrays.sort(clones);
      System.out.printf("clone (CREATE DATABASE … TEMPLATE): %.0f ms median of %d (target ≤ 300 ms)%n",
          clones[clones.length / 2], clones.length);
      double[] runs = new double[7];
      for (int i = 0; i < runs.length; i++) {
        long r0 = System.nanoTime();
        new DryRun(shadow).run(new DryRun.Request(null, spec,
            List.of(new ScriptPart("up", null, SqlScript.split("ALTER TABLE t1 ADD COLUMN e text; CREATE INDEX t1_e_idx ON t1 (e);"))),
            List.of(new ScriptPart("down", null, SqlScript.split("DROP INDEX t1_e_idx; ALTER TABLE t1 DROP COLUMN e;"))),
            60_000, 10_000, null));
        runs[i] = (System.nanoTime() - r0) / 1e6;
      }
      Arrays.sort(runs);
      System.out.printf("dry run of a 2-statement migration with its down migration (clone, observe, diff, drop): "
          + "%.0f ms median of %d%n", runs[runs.length / 2], runs.length);
      liveBaseline(shadow, baseline);
      againstPsql(shadow, baseline, spec, dir);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
      dev.migrationmcp.tools.testing.FileTrees.delete(dir);
    }
  }

  /** baseline "live": a clone of the 300-table baseline stands in for the live database. */
  private static void liveBaseline(ShadowDatabases shadow, Baseline migrations) {
    try (ShadowDatabases.Clone live = shadow.clone(migrations)) {
      BaselineSpec spec = BaselineSpec.liveSchemaOf(live.url());
      long b0 = System.nanoTime();
      Baseline built = shadow.baseline(spec);
      long buildMs = (System.nanoTime() - b0) / 1_000_000;
      double[] reuses = new double[7];
      for (int i = 0; i < reuses.length; i++) {
        long r0 = System.nanoTime();
        shadow.baseline(spec);
        reuses[i] = (System.nanoTime() - r0) / 1e6;
      }
      Arrays.sort(reuses);
      System.out.printf("live baseline: schema-only copy of a 300-table database (catalog → DDL → shadow) built in %d ms "
          + "(copy %d ms, %d skipped); unchanged schema (catalog read + fingerprint, template reused): %.0f ms median of %d%n",
          buildMs, built.buildMs(), built.skipped().size(), reuses[reuses.length / 2], reuses.length);
    }
  }

  /** A migration with enough rows that execution, not round trips, dominates; it makes its own data. */
  private static final String LOADED_MIGRATION = String.join("\n",
      "CREATE TABLE bench_events (id bigint, payload text, created_at timestamptz);",
      "INSERT INTO bench_events SELECT g, md5(g::text), now() - g * interval '1 second' FROM generate_series(1, 200000) g;",
      "ALTER TABLE bench_events ADD PRIMARY KEY (id);",
      "CREATE INDEX bench_events_created_idx ON bench_events (created_at);",
      "ALTER TABLE bench_events ALTER COLUMN payload TYPE varchar(64);",
      "ALTER TABLE bench_events ADD COLUMN status text NOT NULL DEFAULT 'new';",
      "UPDATE bench_events SET status = 'old' WHERE id % 10 = 0;",
      "ALTER TABLE bench_events ADD CONSTRAINT bench_events_status_ck CHECK (status IN ('new', 'old'));",
      "ALTER TABLE t1 ADD COLUMN bench_x integer;",
      "CREATE INDEX t2_a_bench_idx ON t2 (a);", "");

  /**
   * Issue 4's overhead target: the same file run by {@code psql -1 -f} on a clone of the same
   * baseline (a new psql process each time, as a user would run it) against a whole dry run
   * (clone, per-statement observation, snapshots, diff, rollback, drop). Skipped without psql.
   */
  private static void againstPsql(ShadowDatabases shadow, Baseline baseline, BaselineSpec spec, Path dir)
      throws Exception {
    String psql = System.getenv().getOrDefault("PSQL", "psql");
    Path file = Files.writeString(dir.resolve("loaded.sql"), LOADED_MIGRATION);
    double[] psqlRuns = new double[5];
    double[] cloneRuns = new double[5];
    for (int i = 0; i < psqlRuns.length; i++) {
      long c0 = System.nanoTime();
      try (ShadowDatabases.Clone clone = shadow.clone(baseline)) {
        cloneRuns[i] = (System.nanoTime() - c0) / 1e6;
        DatabaseUrl url = clone.url();
        ProcessBuilder pb = new ProcessBuilder(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-f", file.toString(),
            "host=" + url.host() + " port=" + url.port() + " dbname=" + url.database() + " user=" + url.user())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long p0 = System.nanoTime();
        int rc;
        try {
          rc = pb.start().waitFor();
        } catch (java.io.IOException e) {
          System.out.println("psql comparison: psql not found (set PSQL=/path/to/psql), skipped");
          return;
        }
        psqlRuns[i] = (System.nanoTime() - p0) / 1e6;
        if (rc != 0) {
          System.out.println("psql comparison: psql exited " + rc + ", skipped");
          return;
        }
      }
    }
    double[] dryRuns = new double[5];
    double[] statementSums = new double[5];
    for (int i = 0; i < dryRuns.length; i++) {
      long r0 = System.nanoTime();
      var report = new DryRun(shadow).run(new DryRun.Request(null, spec,
          List.of(new ScriptPart("up", null, SqlScript.split(LOADED_MIGRATION))), List.of(), 120_000, 10_000, null));
      dryRuns[i] = (System.nanoTime() - r0) / 1e6;
      statementSums[i] = report.statements().stream().mapToDouble(s -> s.durationMs()).sum();
      if (!report.ok()) {
        System.out.println("psql comparison: the dry run failed, skipped");
        return;
      }
    }
    double psqlMedian = median(psqlRuns);
    double cloneMedian = median(cloneRuns);
    double dryMedian = median(dryRuns);
    System.out.printf("10-statement migration on 200,000 rows: psql -1 -f %.0f ms (clone %.0f ms); statements as observed by "
        + "the dry run %.0f ms; whole dry run %.0f ms = %.2f × (psql + clone) (target ≤ 1.5 × psql + clone), medians of %d%n",
        psqlMedian, cloneMedian, median(statementSums), dryMedian, dryMedian / (psqlMedian + cloneMedian), psqlRuns.length);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private DryRunBenchmark() {}
}
