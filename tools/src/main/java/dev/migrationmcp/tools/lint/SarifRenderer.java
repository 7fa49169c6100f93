package dev.migrationmcp.tools.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules that fired with their summary and doc
 * link, one result per finding with its physical location.
 */
public final class SarifRenderer {
  private static final String DOCS = "https://github.com/migration-mcp/migration-mcp/blob/main/docs/rules/";

  private SarifRenderer() {}

  public static String render(LintReport report, List<Rule> rules, String version) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    List<Map<String, Object>> ruleDescriptors = new ArrayList<>();
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      if (ruleIndex.containsKey(f.rule())) {
        continue;
      }
      ruleIndex.put(f.rule(), ruleDescriptors.size());
      Rule rule = byId.get(f.rule());
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", f.rule());
      d.put("name", f.rule());
      String summary = rule == null ? f.rule() : rule.metadata().summary();
      d.put("shortDescription", Map.of("text", summary));
      d.put("helpUri", DOCS + f.rule() + ".md");
      d.put("help", Map.of("text", summary + " See " + DOCS + f.rule() + ".md"));
      d.put("defaultConfiguration", Map.of("level", level(rule == null ? f.severity() : rule.metadata().severity())));
      ruleDescriptors.add(d);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Finding f : report.findings()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("ruleId", f.rule());
      r.put("ruleIndex", ruleIndex.get(f.rule()));
      r.put("level", level(f.severity()));
      r.put("message", Map.of("text", f.message() + (f.fix() == null ? "" : "\nFix: " + f.fix())));
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("startLine", f.line());
      region.put("startColumn", f.column());
      r.put("locations", List.of(Map.of("physicalLocation", Map.of(
          "artifactLocation", Map.of("uri", f.file() == null ? "migration.sql" : f.file()),
          "region", region))));
      results.add(r);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "migration-mcp");
    driver.put("version", version);
    driver.put("informationUri", "https://github.com/migration-mcp/migration-mcp");
    driver.put("rules", ruleDescriptors);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    sarif.put("version", "2.1.0");
    sarif.put("runs", List.of(run));
    return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(sarif);
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
