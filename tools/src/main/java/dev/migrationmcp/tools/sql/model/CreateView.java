package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW} and {@code CREATE MATERIALIZED VIEW [IF NOT
 * EXISTS]} {@code name [(columns)] … AS query [WITH [NO] DATA]}.
 *
 * @param columns the explicit column names; empty when not written
 * @param query the defining query as written (a trailing {@code WITH … CHECK OPTION} or
 *     {@code WITH [NO] DATA} excluded)
 * @param withNoData a materialized view created {@code WITH NO DATA} (not populated)
 */
public record CreateView(QualifiedName name, boolean materialized, boolean orReplace, boolean temporary,
    boolean recursive, boolean ifNotExists, List<String> columns, String query, boolean withNoData)
    implements Statement {
  public CreateView {
    columns = List.copyOf(columns);
  }

  @Override
  public String kind() {
    return materialized ? "CREATE MATERIALIZED VIEW" : "CREATE VIEW";
  }
}
