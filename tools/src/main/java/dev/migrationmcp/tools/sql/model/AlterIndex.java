package dev.migrationmcp.tools.sql.model;

/**
 * {@code ALTER INDEX [IF EXISTS] name …}.
 *
 * @param target the new name ({@code RENAME}), tablespace, attached partition index, schema, or
 *     the action text as written for {@code OTHER}
 */
public record AlterIndex(QualifiedName index, boolean ifExists, Action action, String target) implements Statement {
  /** What the ALTER INDEX does. */
  public enum Action { RENAME, SET_TABLESPACE, ATTACH_PARTITION, SET_SCHEMA, OTHER }

  @Override
  public String kind() {
    return "ALTER INDEX";
  }
}
