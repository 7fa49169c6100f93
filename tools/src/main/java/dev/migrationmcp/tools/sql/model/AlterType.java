package dev.migrationmcp.tools.sql.model;

/** {@code ALTER TYPE name action}. */
public record AlterType(QualifiedName name, Action action) implements Statement {
  @Override
  public String kind() {
    return "ALTER TYPE";
  }

  /** What the ALTER TYPE does. */
  public sealed interface Action {}

  /**
   * {@code ADD VALUE [IF NOT EXISTS] 'value' [BEFORE|AFTER 'neighbor']}.
   *
   * @param before the label it goes before, else null
   * @param after the label it goes after, else null
   */
  public record AddValue(String value, boolean ifNotExists, String before, String after) implements Action {}

  /** {@code RENAME VALUE 'from' TO 'to'}. */
  public record RenameValue(String from, String to) implements Action {}

  /** {@code RENAME TO new_name}. */
  public record RenameTo(String newName) implements Action {}

  /** {@code SET SCHEMA schema}. */
  public record SetSchema(String schema) implements Action {}

  /** {@code OWNER TO role}. */
  public record OwnerTo(String owner) implements Action {}

  /** Attribute changes and other actions, as written. */
  public record Other(String text) implements Action {}
}
