package dev.migrationmcp.tools.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine around the rules: suppressions, configuration, live-size escalation, bad input. */
class LinterTest {
  private static LintReport lint(String sql, LintSettings settings, LiveSchema live) {
    return Linter.standard().lint(ScriptReader.read(sql), settings, live, FunctionVolatility.builtIn(), null);
  }

  private static List<String> rules(LintReport report) {
    return report.findings().stream().map(Finding::rule).toList();
  }

  @Test
  void suppressionSilencesOneRuleOnOneStatement() {
    LintReport report = lint("""
        SET lock_timeout = '1s';
        -- migration-mcp:ignore create-index-non-concurrently the table is empty in every environment
        CREATE INDEX a_idx ON a (b);
        CREATE INDEX c_idx ON a (c);
        """, LintSettings.defaults(), null);
    assertEquals(1, report.findings().stream().filter(f -> f.rule().equals("create-index-non-concurrently")).count());
    assertEquals(4, report.findings().stream().filter(f -> f.rule().equals("create-index-non-concurrently"))
        .findFirst().orElseThrow().line(), "the unsuppressed statement is the one still reported");
  }

  @Test
  void reportsUnknownAndUnusedSuppressions() {
    List<String> rules = rules(lint("""
        -- migration-mcp:ignore no-such-rule because
        SELECT 1;
        -- migration-mcp:ignore drop-table nothing is dropped here
        SELECT 2;
        """, LintSettings.defaults(), null));
    assertTrue(rules.contains("invalid-suppression"), rules.toString());
    assertTrue(rules.contains("unused-suppression"), rules.toString());
  }

  @Test
  void projectConfigurationDisablesRulesAndChangesSeverities(@TempDir Path project) throws IOException {
    Files.writeString(project.resolve(".migration-mcp.toml"), """
        [rules]
        disable = ["missing-lock-timeout"]
        [rules.severity]
        create-index-non-concurrently = "error"
        [thresholds]
        large_rows = 500
        large_bytes = "2GB"
        [postgres]
        version = 10
        """);
    LintSettings settings = LintConfig.load(project);
    assertEquals(10, settings.pgVersion());
    assertEquals(2L << 30, settings.thresholds().largeBytes());
    LintReport report = lint("CREATE INDEX a_idx ON a (b); ALTER TABLE a ADD COLUMN c int DEFAULT 0;", settings, null);
    assertFalse(rules(report).contains("missing-lock-timeout"));
    assertEquals(Severity.ERROR, report.findings().stream().filter(f -> f.rule().equals("create-index-non-concurrently"))
        .findFirst().orElseThrow().severity());
    assertTrue(rules(report).contains("add-column-volatile-default"), "PostgreSQL 10 rewrites for any default");
  }

  @Test
  void badConfigurationNamesTheKey(@TempDir Path project) throws IOException {
    Files.writeString(project.resolve(".migration-mcp.toml"), "[thresholds]\nsmall_bytes = \"lots\"\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LintConfig.load(project));
    assertTrue(e.getMessage().contains("thresholds.small_bytes"), e.getMessage());
    LintSettings unknown = new LintSettings(17, Set.of("no-such-rule"), Set.of(), Map.of(), Thresholds.DEFAULT, true);
    assertThrows(IllegalArgumentException.class, () -> lint("SELECT 1", unknown, null));
  }

  @Test
  void liveSizesRelaxSmallTablesAndEscalateLargeOnes() {
    String sql = "SET lock_timeout = '1s'; SET statement_timeout = '1min'; CREATE INDEX a_idx ON big (b); CREATE INDEX c_idx ON small (c);";
    LiveSchema live = LintFixtures.live(ScriptReader.read("-- live-table: public.big rows=5000000 bytes=3000000000 "
        + "columns=b:int\n-- live-table: public.small rows=10 bytes=8192 columns=c:int\nSELECT 1;"));
    LintReport report = lint(sql, LintSettings.defaults(), live);
    Finding big = report.findings().stream().filter(f -> f.rule().equals("create-index-non-concurrently")
        && "public.big".equals(f.table())).findFirst().orElseThrow();
    Finding small = report.findings().stream().filter(f -> f.rule().equals("create-index-non-concurrently")
        && "public.small".equals(f.table())).findFirst().orElseThrow();
    assertEquals(Severity.ERROR, big.severity());
    assertEquals("large-table", big.escalation());
    assertTrue(big.evidence().contains("5.0M rows"), big.evidence());
    assertEquals(Severity.INFO, small.severity());
    assertEquals("small-table", small.escalation());
    assertFalse(report.findings().isEmpty());
  }

  @Test
  @org.junit.jupiter.api.Timeout(300) // a guard against hangs, not a speed assertion (speed: bin/bench)
  void answersEveryKindOfBadInput() {
    Random random = new Random(11);
    byte[] garbage = new byte[200_000];
    random.nextBytes(garbage);
    List<String> inputs = List.of("", "   \n\t", ";;;;", "$$ never closed", "'never closed", "/* never closed",
        "\"never closed", new String(garbage, java.nio.charset.StandardCharsets.ISO_8859_1),
        "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000),
        "ALTER TABLE t ADD COLUMN c text DEFAULT '" + "x".repeat(100_000) + "'",
        "CREATE INDEX i ON t (c);\n".repeat(50_000));
    for (String sql : inputs) {
      LintReport report = lint(sql, LintSettings.defaults(), null);
      assertTrue(report.statements() >= 0);
      assertTrue(sql.replace(";", "").isBlank() || report.statements() > 0 || !report.notes().isEmpty(), "input is accounted for");
    }
  }
}
