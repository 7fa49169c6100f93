package dev.migrationmcp.memory.index;

import java.util.List;

/**
 * What a migration script touches, as the facts extractor saw it.
 *
 * @param tables tables (and views, types) named, lower-case, schema-qualified when the script qualified them
 * @param columns columns as {@code table.column}, lower-case
 * @param operations wire names of {@link Operation}s, in order of first appearance
 * @param terms further searchable words: index and constraint names, types, effects such as {@code rewrite}
 */
public record TouchedObjects(List<String> tables, List<String> columns, List<String> operations, List<String> terms) {
  public static final TouchedObjects NONE = new TouchedObjects(List.of(), List.of(), List.of(), List.of());

  public TouchedObjects {
    tables = List.copyOf(tables);
    columns = List.copyOf(columns);
    operations = List.copyOf(operations);
    terms = List.copyOf(terms);
  }
}
