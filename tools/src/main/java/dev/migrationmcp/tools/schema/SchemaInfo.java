package dev.migrationmcp.tools.schema;

import java.util.List;

/** One schema (namespace) and the objects in it. */
public record SchemaInfo(
    String name,
    List<TableInfo> tables,
    List<EnumInfo> enums,
    List<ViewInfo> views,
    List<SequenceInfo> sequences,
    List<ExtensionInfo> extensions) {

  public SchemaInfo {
    tables = List.copyOf(tables);
    enums = List.copyOf(enums);
    views = List.copyOf(views);
    sequences = List.copyOf(sequences);
    extensions = List.copyOf(extensions);
  }
}
