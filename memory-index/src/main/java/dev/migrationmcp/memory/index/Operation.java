package dev.migrationmcp.memory.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a migration does to the schema or the data: the vocabulary of the {@code operation}
 * filter and of the {@code operations} list of a hit. Wire names are the lower-case constant names.
 */
public enum Operation {
  CREATE_TABLE, DROP_TABLE, RENAME_TABLE,
  ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT,
  CREATE_INDEX, DROP_INDEX,
  ADD_CONSTRAINT, DROP_CONSTRAINT, ADD_FOREIGN_KEY,
  CREATE_TYPE, ALTER_TYPE, ADD_ENUM_VALUE,
  CREATE_VIEW,
  BACKFILL, DELETE_ROWS;

  /** The name used on the wire and in the index, e.g. {@code add_column}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The words of the name, for full-text matching ("add column"). */
  public String words() {
    return wireName().replace('_', ' ');
  }

  public static Optional<Operation> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(values()).filter(o -> o.wireName().equals(normalized)).findFirst();
  }

  /** All wire names, comma-separated, for error messages. */
  public static String vocabulary() {
    return Arrays.stream(values()).map(Operation::wireName).collect(Collectors.joining(", "));
  }
}
