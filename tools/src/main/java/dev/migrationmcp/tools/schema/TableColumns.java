package dev.migrationmcp.tools.schema;

import java.util.List;

/** A qualified table name and some of its columns (the target of a foreign key). */
public record TableColumns(String table, List<String> columns) {
  public TableColumns {
    columns = List.copyOf(columns);
  }
}
