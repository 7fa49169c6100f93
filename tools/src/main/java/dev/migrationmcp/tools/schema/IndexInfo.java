package dev.migrationmcp.tools.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * An index with its {@code pg_get_indexdef} definition.
 *
 * @param columns key columns in order; {@code (expression)} for expression keys
 * @param valid false after a failed {@code CREATE INDEX CONCURRENTLY}
 * @param shape method, keys, operator classes, options, expressions and predicate: equal shapes
 *     on one table are duplicate indexes
 */
public record IndexInfo(
    String name,
    String definition,
    List<String> columns,
    String method,
    boolean unique,
    boolean primary,
    boolean valid,
    boolean partial,
    long bytes,
    @JsonIgnore String shape) {

  public IndexInfo {
    columns = List.copyOf(columns);
  }
}
