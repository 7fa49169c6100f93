package dev.migrationmcp.tools.lint;

/**
 * One problem in a migration.
 *
 * @param message the consequence, naming the lock or rewrite
 * @param why the mechanism behind it
 * @param fix concrete SQL (or one imperative sentence) for this statement
 * @param statementIndex 0-based index of the statement in its script
 * @param line 1-based line of the offending part
 * @param column 1-based column of the offending part
 * @param table the table concerned, {@code schema.name}, or null
 * @param evidence the live facts that raised or lowered the severity ({@code orders: ~12.4M rows, 3.1 GB})
 * @param lock the lock the statement takes, as pg_locks names it, or null
 * @param file the file, when several were linted
 * @param escalation {@code large-table} or {@code small-table} when live sizes changed the severity
 */
public record Finding(
    String rule,
    Severity severity,
    String message,
    String why,
    String fix,
    int statementIndex,
    int line,
    int column,
    String table,
    String evidence,
    String lock,
    String file,
    String escalation) {

  public Finding withSeverity(Severity newSeverity, String newEscalation, String newEvidence, String newMessage) {
    return new Finding(rule, newSeverity, newMessage, why, fix, statementIndex, line, column, table, newEvidence, lock,
        file, newEscalation);
  }

  public Finding withFile(String newFile) {
    return new Finding(rule, severity, message, why, fix, statementIndex, line, column, table, evidence, lock, newFile,
        escalation);
  }
}
