package dev.migrationmcp.tools.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.read.ReadScript;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule against its fixture {@code fixtures/<rule-id>.sql}: the statements marked
 * {@code -- expect: <rule-id>} are flagged, every near-miss is not.
 */
class RuleFixturesTest {
  @TestFactory
  Stream<DynamicTest> everyRuleFlagsExactlyItsMarkedStatements() {
    return RuleRegistry.all().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      String sql = fixture(rule.id());
      ReadScript script = ScriptReader.read(sql);
      Set<Integer> expected = LintFixtures.expected(script, rule.id());
      assertFalse(expected.isEmpty(), rule.id() + ": the fixture marks no statement with -- expect: " + rule.id());
      assertTrue(expected.size() < script.statements().size(), rule.id() + ": the fixture has no near-miss statement");
      assertEquals(expected, LintFixtures.flagged(rule, sql, null), rule.id() + ": flagged statements (0-based)");
    }));
  }

  static String fixture(String id) throws IOException {
    try (InputStream in = RuleFixturesTest.class.getResourceAsStream("fixtures/" + id + ".sql")) {
      if (in == null) {
        throw new AssertionError("missing fixture tools/src/test/resources/dev/migrationmcp/tools/lint/fixtures/"
            + id + ".sql");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
