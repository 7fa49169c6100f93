package dev.migrationmcp.tools.sql.model;

/**
 * {@code ALTER SCHEMA name RENAME TO new_name | OWNER TO role}.
 *
 * @param target the new name or the new owner
 */
public record AlterSchema(String name, Action action, String target) implements Statement {
  /** What the ALTER SCHEMA does. */
  public enum Action { RENAME, OWNER }

  @Override
  public String kind() {
    return "ALTER SCHEMA";
  }
}
