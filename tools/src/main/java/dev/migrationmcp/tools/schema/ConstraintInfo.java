package dev.migrationmcp.tools.schema;

import java.util.List;

/** A primary key, unique, check or exclusion constraint, with its {@code pg_get_constraintdef}. */
public record ConstraintInfo(String name, List<String> columns, String definition, boolean validated) {
  public ConstraintInfo {
    columns = List.copyOf(columns);
  }
}
