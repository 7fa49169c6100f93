package dev.migrationmcp.tools.schema;

import java.util.List;

/**
 * An index with its {@code pg_get_indexdef} definition.
 *
 * @param columns key columns in order; {@code (expression)} for expression keys
 * @param valid false after a failed {@code CREATE INDEX CONCURRENTLY}
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
    long bytes) {

  public IndexInfo {
    columns = List.copyOf(columns);
  }
}
