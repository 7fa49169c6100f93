package dev.migrationmcp.tools.sql.model;

/**
 * A statement the reader could not read. Lint still sees its kind (from the leading keywords)
 * and reports it; nothing is silently skipped.
 *
 * @param kind the command tag guessed from the leading keywords, or the first word in upper case
 * @param reason what the reader expected and what it found, with line and column
 * @param offset where in the statement text reading stopped (0-based)
 */
public record Unparsed(String kind, String reason, int offset) implements Statement {
  @Override
  public Coverage coverage() {
    return Coverage.UNPARSED;
  }
}
