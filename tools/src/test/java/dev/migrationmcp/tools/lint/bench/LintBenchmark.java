package dev.migrationmcp.tools.lint.bench;

import dev.migrationmcp.tools.lint.LintReport;
import dev.migrationmcp.tools.lint.LintSettings;
import dev.migrationmcp.tools.lint.Linter;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Prints the warm, in-process time to lint a generated 10,000-statement migration (a mix of the
 * statement kinds migrations contain), median of several runs, and writes the file so the CLI
 * (and squawk, when installed) can be timed on the same input.
 *
 * <p>Usage: {@code LintBenchmark [statements] [output.sql]}
 */
public final class LintBenchmark {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path out = Path.of(args.length > 1 ? args[1] : "target/lint-bench.sql");
    String sql = generate(n);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, sql);
    Linter linter = Linter.standard();
    LintReport report = null;
    for (int i = 0; i < 5; i++) {
      report = Linter.standard().lint(ScriptReader.read(sql), LintSettings.defaults(), null, FunctionVolatility.builtIn(), null);
    }
    double[] times = new double[9];
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      Linter.standard().lint(ScriptReader.read(sql), LintSettings.defaults(), null, FunctionVolatility.builtIn(), null);
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(times);
    System.out.printf("lint of %d statements (%d KB), warm, in process: %.0f ms median of %d (%d findings, %d rules)%n",
        report.statements(), sql.length() / 1024, times[times.length / 2], times.length, report.findings().size(),
        linter.rules().size());
    System.out.println("file written to " + out.toAbsolutePath());
  }

  static String generate(int n) {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder("SET lock_timeout = '5s';\n");
    for (int i = 0; i < n - 1; i++) {
      String t = "t" + (i % 400);
      switch (r.nextInt(12)) {
        case 0 -> sb.append("CREATE TABLE ").append(t).append("_").append(i)
            .append(" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(200) NOT NULL, created_at timestamp DEFAULT now(), data json);\n");
        case 1 -> sb.append("ALTER TABLE ").append(t).append(" ADD COLUMN c").append(i).append(" text DEFAULT 'x';\n");
        case 2 -> sb.append("CREATE INDEX ").append(t).append("_c").append(i).append("_idx ON ").append(t).append(" (c").append(i).append(");\n");
        case 3 -> sb.append("CREATE INDEX CONCURRENTLY IF NOT EXISTS ").append(t).append("_d").append(i).append("_idx ON ").append(t).append(" (d);\n");
        case 4 -> sb.append("ALTER TABLE ").append(t).append(" ALTER COLUMN c").append(i % 50).append(" TYPE bigint;\n");
        case 5 -> sb.append("ALTER TABLE ").append(t).append(" ADD CONSTRAINT ").append(t).append("_fk").append(i)
            .append(" FOREIGN KEY (p) REFERENCES parent (id) NOT VALID;\n");
        case 6 -> sb.append("UPDATE ").append(t).append(" SET flag = true WHERE id BETWEEN ").append(i).append(" AND ").append(i + 1000).append(";\n");
        case 7 -> sb.append("ALTER TABLE ").append(t).append(" ALTER COLUMN c").append(i % 50).append(" SET NOT NULL;\n");
        case 8 -> sb.append("INSERT INTO ").append(t).append(" (id, name) VALUES (").append(i).append(", 'n');\n");
        case 9 -> sb.append("DROP INDEX IF EXISTS ").append(t).append("_old").append(i).append(";\n");
        case 10 -> sb.append("ALTER TABLE ").append(t).append(" DROP COLUMN IF EXISTS legacy").append(i).append(";\n");
        default -> sb.append("COMMENT ON TABLE ").append(t).append(" IS 'table ").append(i).append("';\n");
      }
    }
    return sb.toString();
  }

  private LintBenchmark() {}
}
