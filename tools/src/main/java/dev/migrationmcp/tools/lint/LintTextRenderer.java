package dev.migrationmcp.tools.lint;

import java.util.Map;

/**
 * Renders findings for people: location, severity, rule and message, then the offending line with
 * a caret under the offending part, the why and the fix — the way compilers and Squawk print.
 */
public final class LintTextRenderer {
  private LintTextRenderer() {}

  /**
   * @param sources file name (or {@code "<sql>"} for inline SQL) to its text, for the caret lines
   * @param maxFindings how many findings to print in full before summarising the rest
   */
  public static String render(LintReport report, Map<String, String> sources, int maxFindings) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (Finding f : report.findings()) {
      if (shown++ == maxFindings) {
        sb.append("… and ").append(report.findings().size() - maxFindings).append(" more finding(s)\n\n");
        break;
      }
      String file = f.file() == null ? "<sql>" : f.file();
      sb.append(file).append(':').append(f.line()).append(':').append(f.column()).append(": ")
          .append(f.severity().label()).append(" [").append(f.rule()).append("] ").append(f.message()).append('\n');
      String source = sources.get(file);
      if (source != null) {
        String[] lines = source.split("\r\n|\r|\n", -1);
        if (f.line() - 1 < lines.length) {
          String line = lines[f.line() - 1];
          sb.append("  ").append(f.line()).append(" | ").append(line).append('\n');
          sb.append("  ").append(" ".repeat(String.valueOf(f.line()).length())).append(" | ")
              .append(" ".repeat(Math.max(0, Math.min(f.column() - 1, line.length())))).append("^\n");
        }
      }
      if (f.evidence() != null) {
        sb.append("  evidence: ").append(f.evidence()).append('\n');
      }
      if (f.why() != null) {
        sb.append("  why: ").append(f.why()).append('\n');
      }
      if (f.fix() != null) {
        sb.append("  fix: ").append(f.fix().replace("\n", "\n       ")).append('\n');
      }
      sb.append('\n');
    }
    for (LintReport.Unparsed u : report.unparsed()) {
      sb.append(u.file() == null ? "<sql>" : u.file()).append(':').append(u.line()).append(": note: statement ")
          .append(u.statementIndex() + 1).append(" (").append(u.kind()).append(") was not fully read: ")
          .append(u.reason()).append('\n');
    }
    report.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
    sb.append(summary(report)).append('\n');
    return sb.toString();
  }

  /** {@code 12 statements: 1 error, 3 warnings, 2 info (PostgreSQL 17, live schema from …)}. */
  public static String summary(LintReport report) {
    return report.statements() + " statement" + (report.statements() == 1 ? "" : "s") + ": "
        + report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING) + " warning(s), "
        + report.count(Severity.INFO) + " info (PostgreSQL " + report.pgVersion()
        + (report.liveSchema() == null ? ", no live schema" : ", live schema: " + report.liveSchema()) + ")";
  }
}
