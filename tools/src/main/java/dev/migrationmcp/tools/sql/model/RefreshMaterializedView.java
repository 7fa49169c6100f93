package dev.migrationmcp.tools.sql.model;

/** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}. */
public record RefreshMaterializedView(QualifiedName name, boolean concurrently, boolean withNoData)
    implements Statement {
  @Override
  public String kind() {
    return "REFRESH MATERIALIZED VIEW";
  }
}
