package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code [WITH …] INSERT INTO table [(columns)] VALUES …|query|DEFAULT VALUES [ON CONFLICT …]}.
 *
 * @param columns the target columns; empty when not written
 * @param rows the number of VALUES rows; -1 for a query
 * @param query the source query as written when {@code source} is {@code QUERY}, else null
 */
public record Insert(QualifiedName table, List<String> columns, Source source, int rows, String query,
    boolean onConflict, boolean hasReturning) implements Statement {
  /** Where the inserted rows come from. */
  public enum Source { VALUES, QUERY, DEFAULT_VALUES }

  public Insert {
    columns = List.copyOf(columns);
  }

  @Override
  public String kind() {
    return "INSERT";
  }
}
