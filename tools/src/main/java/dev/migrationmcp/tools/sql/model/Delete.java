package dev.migrationmcp.tools.sql.model;

/**
 * {@code [WITH …] DELETE FROM [ONLY] table [[AS] alias] [USING …] [WHERE …] [RETURNING …]}.
 *
 * @param hasLimit a top-level {@code LIMIT}, which PostgreSQL rejects in DELETE
 */
public record Delete(QualifiedName table, boolean only, boolean hasWhere, boolean hasUsing, boolean hasLimit,
    boolean hasReturning) implements Statement {
  @Override
  public String kind() {
    return "DELETE";
  }
}
