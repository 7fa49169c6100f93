package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * A query: {@code SELECT}, {@code VALUES}, {@code TABLE}, or {@code WITH … SELECT}.
 *
 * @param into the table of {@code SELECT … INTO table} (which creates it), else null
 * @param modifiesData a data-modifying CTE ({@code WITH d AS (DELETE …) SELECT …})
 * @param settings the parameters it sets through {@code set_config('name', 'value', is_local)}
 *     with literal arguments, as pg_dump and some migrations do ({@code SELECT
 *     pg_catalog.set_config('search_path', '', false)})
 */
public record Query(String kind, QualifiedName into, boolean modifiesData, List<SetParameter> settings)
    implements Statement {
  public Query {
    settings = List.copyOf(settings);
  }
}
