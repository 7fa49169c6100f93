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
    } finally {
      if (embedded != null) {
        embedded.close();
      }
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

  private DryRunBenchmark() {}
}
