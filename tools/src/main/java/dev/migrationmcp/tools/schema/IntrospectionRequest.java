package dev.migrationmcp.tools.schema;

import java.util.List;

/**
 * What to read.
 *
 * @param schema one schema, or null for every user schema
 * @param tables names, {@code schema.name} or {@code *} patterns to read in full; empty for all
 * @param full whether column, constraint, index and view detail is wanted (false: names and sizes)
 */
public record IntrospectionRequest(String schema, List<String> tables, boolean full) {
  public IntrospectionRequest {
    tables = tables == null ? List.of() : List.copyOf(tables);
  }

  public static IntrospectionRequest everything() {
    return new IntrospectionRequest(null, List.of(), true);
  }
}
