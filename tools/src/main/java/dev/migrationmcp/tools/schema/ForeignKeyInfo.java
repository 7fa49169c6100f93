package dev.migrationmcp.tools.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param references the referenced table and columns
 * @param onDelete {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE}, {@code SET NULL} or {@code SET DEFAULT}
 * @param indexed whether a valid, non-partial index on the referencing table starts with exactly
 *     these columns (without one, deletes on the referenced table scan this one)
 */
public record ForeignKeyInfo(
    String name,
    List<String> columns,
    TableColumns references,
    String onDelete,
    String onUpdate,
    boolean indexed,
    boolean validated,
    String definition) {

  public ForeignKeyInfo {
    columns = List.copyOf(columns);
  }
}
