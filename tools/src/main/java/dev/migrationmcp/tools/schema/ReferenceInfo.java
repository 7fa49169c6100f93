package dev.migrationmcp.tools.schema;

import java.util.List;

/** A foreign key of another table pointing at this one. */
public record ReferenceInfo(String table, String constraint, List<String> columns, String onDelete) {
  public ReferenceInfo {
    columns = List.copyOf(columns);
  }
}
