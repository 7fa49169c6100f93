package dev.migrationmcp.tools.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule has {@code docs/rules/<id>.md} with a Problem and a Solution; its "Instead of" SQL is
 * flagged by the rule and its "Use" SQL is not, so the docs cannot rot.
 */
class RuleDocsTest {
  static final Path DOCS = Path.of(System.getProperty("user.dir")).resolve("../docs/rules").normalize();
  private static final Pattern INSTEAD = Pattern.compile("### Instead of\\s*```sql\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern USE = Pattern.compile("### Use\\s*```sql\\n(.*?)```", Pattern.DOTALL);

  @TestFactory
  Stream<DynamicTest> everyRuleHasADocPageWhoseExamplesHoldTrue() {
    return RuleRegistry.all().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      Path page = DOCS.resolve(rule.id() + ".md");
      assertTrue(Files.isRegularFile(page), "missing doc page " + page);
      String doc = Files.readString(page);
      assertTrue(doc.startsWith("# " + rule.id() + "\n"), rule.id() + ": the page starts with '# " + rule.id() + "'");
      assertTrue(doc.contains("## Problem"), rule.id() + ": a Problem section");
      assertTrue(doc.contains("## Solution"), rule.id() + ": a Solution section");
      Matcher bad = INSTEAD.matcher(doc);
      Matcher good = USE.matcher(doc);
      assertTrue(bad.find(), rule.id() + ": an '### Instead of' sql block");
      assertTrue(good.find(), rule.id() + ": a '### Use' sql block");
      assertFalse(LintFixtures.flagged(rule, bad.group(1), null).isEmpty(),
          rule.id() + ": the 'Instead of' example must be flagged");
      assertEquals(Set.of(), LintFixtures.flagged(rule, good.group(1), null),
          rule.id() + ": the 'Use' example must not be flagged");
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyDocPageBelongsToARule() throws IOException {
    Set<String> ids = RuleRegistry.all().stream().map(Rule::id).collect(java.util.stream.Collectors.toSet());
    try (Stream<Path> pages = Files.list(DOCS)) {
      return pages.toList().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () ->
          assertTrue(ids.contains(p.getFileName().toString().replace(".md", "")), p + " documents no registered rule")));
    }
  }
}
