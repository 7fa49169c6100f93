package dev.migrationmcp.tools.schema;

import java.util.List;

/** A view or materialized view; the definition is read in full detail only. */
public record ViewInfo(
    String name, boolean materialized, List<ColumnInfo> columns, String definition, long rowsEstimate, long totalBytes) {
  public ViewInfo {
    columns = List.copyOf(columns);
  }
}
