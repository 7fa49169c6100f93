package dev.migrationmcp.tools.schema;

import java.util.List;

/** An enum type with its labels in sort order. */
public record EnumInfo(String name, List<String> values) {
  public EnumInfo {
    values = List.copyOf(values);
  }
}
