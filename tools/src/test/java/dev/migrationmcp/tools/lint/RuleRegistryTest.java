package dev.migrationmcp.tools.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule class is registered, annotated once with a well-formed id, and ids are unique. */
class RuleRegistryTest {
  private static final Path RULES = Path.of(System.getProperty("user.dir"))
      .resolve("src/main/java/dev/migrationmcp/tools/lint/rules");

  @Test
  void everyRuleClassIsRegistered() throws IOException {
    Set<String> declared;
    try (Stream<Path> files = Files.list(RULES)) {
      declared = files.filter(p -> {
        try {
          return Files.readString(p).contains("@LintRule(");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).map(p -> p.getFileName().toString().replace(".java", "")).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> registered = RuleRegistry.all().stream().map(r -> r.getClass().getSimpleName())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(declared, registered);
  }

  @Test
  void idsAreKebabCaseAndUnique() {
    List<Rule> rules = RuleRegistry.all();
    Set<String> seen = new HashSet<>();
    for (Rule rule : rules) {
      LintRule meta = rule.metadata();
      assertTrue(meta.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), meta.id());
      assertTrue(seen.add(meta.id()), "duplicate id " + meta.id());
      assertTrue(!meta.summary().isBlank() && meta.summary().length() < 140, meta.id() + ": a one-line summary");
    }
  }

  @Test
  void everyDesignRuleIdExists() {
    Set<String> ids = RuleRegistry.all().stream().map(Rule::id).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(DesignRuleIds.ALL);
    missing.removeAll(ids);
    assertEquals(Set.of(), missing, "rule ids from DESIGN.md without a rule");
  }
}
