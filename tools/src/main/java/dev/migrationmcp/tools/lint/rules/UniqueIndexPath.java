package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.List;

/**
 * The online path to a UNIQUE or PRIMARY KEY constraint: build the unique index CONCURRENTLY
 * (writes go on), then attach it with {@code ADD CONSTRAINT … USING INDEX}, which only takes a
 * brief ACCESS EXCLUSIVE lock. Shared by the rules that recommend it.
 */
final class UniqueIndexPath {
  private UniqueIndexPath() {}

  /**
   * @param kind {@code UNIQUE} or {@code PRIMARY KEY}
   * @param name the constraint's name, or null for PostgreSQL's default ({@code orders_email_key}, {@code orders_pkey})
   * @param nullsNotDistinct whether the index is NULLS NOT DISTINCT (UNIQUE only)
   */
  static String sql(QualifiedName table, String kind, String name, List<String> columns, List<String> include,
      boolean nullsNotDistinct, boolean deferrable) {
    String index = name != null ? name : kind.equals("UNIQUE") ? Sql.indexName(table, columns, "key")
        : (table.name().length() > 58 ? table.name().substring(0, 58) : table.name()) + "_pkey";
    String quoted = Sql.quote(index);
    return "CREATE UNIQUE INDEX CONCURRENTLY " + quoted + " ON " + table + " (" + Sql.columns(columns) + ")"
        + (include.isEmpty() ? "" : " INCLUDE (" + Sql.columns(include) + ")")
        + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "") + ";  -- outside a transaction\n"
        + "ALTER TABLE " + table + " ADD CONSTRAINT " + quoted + " " + kind + " USING INDEX " + quoted
        + (deferrable ? " DEFERRABLE" : "") + ";";
  }
}
