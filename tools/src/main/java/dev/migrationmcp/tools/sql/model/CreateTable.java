package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name …} in its three forms: a column list
 * (with {@code LIKE} and {@code INHERITS}), {@code PARTITION OF parent}, and {@code AS query}.
 *
 * @param partitionOf the parent of {@code PARTITION OF}, else null
 * @param partitionBound {@code FOR VALUES …} or {@code DEFAULT} as written, else null
 * @param partitionBy the {@code PARTITION BY} clause after the keywords ({@code RANGE (created_at)}), else null
 * @param asQuery the query of {@code CREATE TABLE … AS}, else null
 * @param withNoData {@code WITH NO DATA} after {@code AS query}
 */
public record CreateTable(
    QualifiedName name,
    boolean ifNotExists,
    Persistence persistence,
    List<ColumnDefinition> columns,
    List<TableConstraint> constraints,
    List<QualifiedName> like,
    List<QualifiedName> inherits,
    QualifiedName partitionOf,
    String partitionBound,
    String partitionBy,
    String asQuery,
    boolean withNoData)
    implements Statement {
  /** How the table's data is kept. */
  public enum Persistence { PERMANENT, TEMPORARY, UNLOGGED }

  public CreateTable {
    columns = List.copyOf(columns);
    constraints = List.copyOf(constraints);
    like = List.copyOf(like);
    inherits = List.copyOf(inherits);
  }

  @Override
  public String kind() {
    return asQuery != null ? "CREATE TABLE AS" : "CREATE TABLE";
  }

  /** The column named {@code name}, or null. */
  public ColumnDefinition column(String name) {
    for (ColumnDefinition c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
