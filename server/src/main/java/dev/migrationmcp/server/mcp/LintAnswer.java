package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.lint.Finding;
import dev.migrationmcp.tools.lint.LintReport;
import dev.migrationmcp.tools.lint.LintTextRenderer;
import dev.migrationmcp.tools.lint.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code lint_migration} answer, kept useful under Claude Code's 25k-token cap: all findings
 * up to a limit (errors first), then counts per rule for the rest, and a text with carets for the
 * first few.
 */
final class LintAnswer {
  static final int MAX_FINDINGS = 120;
  static final int MAX_TEXT_FINDINGS = 25;

  private LintAnswer() {}

  static Map<String, Object> structured(LintReport report) {
    List<Finding> ordered = report.findings().stream()
        .sorted((a, b) -> a.severity() != b.severity() ? a.severity().compareTo(b.severity()) : 0)
        .toList();
    List<Finding> shown = ordered.size() > MAX_FINDINGS ? ordered.subList(0, MAX_FINDINGS) : ordered;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("findings", Json.WIRE.convertValue(shown.stream().map(LintAnswer::wire).toList(), List.class));
    out.put("statements", report.statements());
    out.put("unparsed", Json.WIRE.convertValue(report.unparsed(), List.class));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("errors", report.count(Severity.ERROR));
    summary.put("warnings", report.count(Severity.WARNING));
    summary.put("info", report.count(Severity.INFO));
    out.put("summary", summary);
    out.put("pg_version", report.pgVersion());
    if (report.liveSchema() != null) {
      out.put("live_schema", report.liveSchema());
    }
    if (!report.notes().isEmpty()) {
      out.put("notes", report.notes());
    }
    if (shown.size() < ordered.size()) {
      Map<String, Long> byRule = new TreeMap<>();
      ordered.subList(MAX_FINDINGS, ordered.size()).forEach(f -> byRule.merge(f.rule(), 1L, Long::sum));
      Map<String, Object> truncated = new LinkedHashMap<>();
      truncated.put("findings_shown", shown.size());
      truncated.put("findings_total", ordered.size());
      truncated.put("not_shown_by_rule", byRule);
      truncated.put("hint", "Errors come first. Lint fewer statements or one file at a time to see the rest.");
      out.put("truncated", truncated);
    }
    return out;
  }

  /** A finding with its severity spelled as in the contract. */
  private static Map<String, Object> wire(Finding f) {
    Map<String, Object> m = Json.toMap(f);
    m.put("severity", f.severity().label());
    return m;
  }

  static String text(LintReport report, Map<String, String> sources) {
    if (report.findings().isEmpty()) {
      return "No findings. " + LintTextRenderer.summary(report);
    }
    return LintTextRenderer.render(report, sources, MAX_TEXT_FINDINGS);
  }
}
