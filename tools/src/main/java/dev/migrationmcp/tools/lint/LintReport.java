package dev.migrationmcp.tools.lint;

import java.util.List;

/**
 * The answer of a lint run.
 *
 * @param findings sorted by file, line and column
 * @param statements how many statements were read
 * @param unparsed statements the reader could not model (still linted by their leading keywords)
 * @param notes what the splitter noticed (psql meta-commands, unterminated quotes)
 * @param pgVersion the PostgreSQL major version the rules assumed
 * @param liveSchema where live facts came from, or null
 */
public record LintReport(List<Finding> findings, int statements, List<Unparsed> unparsed, List<String> notes,
    int pgVersion, String liveSchema) {

  public LintReport {
    findings = List.copyOf(findings);
    unparsed = List.copyOf(unparsed);
    notes = List.copyOf(notes);
  }

  /** A statement the reader could not model, and why. */
  public record Unparsed(int statementIndex, int line, String kind, String reason, String file) {}

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** Whether some finding is at least as severe as {@code threshold}. */
  public boolean hasAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
