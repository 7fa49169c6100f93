package dev.migrationmcp.tools.lint;

/** One line per finding, {@code file:line:column: severity: message [rule]}, as editors and CI parse it. */
public final class GccRenderer {
  private GccRenderer() {}

  public static String render(LintReport report) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : report.findings()) {
      sb.append(f.file() == null ? "<sql>" : f.file()).append(':').append(f.line()).append(':').append(f.column())
          .append(": ").append(f.severity() == Severity.INFO ? "note" : f.severity().label()).append(": ")
          .append(f.message().replace('\n', ' ')).append(" [").append(f.rule()).append("]\n");
    }
    return sb.toString();
  }
}
