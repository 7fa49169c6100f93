package dev.migrationmcp.tools.sql.model;

/** {@code ALTER DOMAIN name action}. */
public record AlterDomain(QualifiedName name, Action action) implements Statement {
  @Override
  public String kind() {
    return "ALTER DOMAIN";
  }

  /** What the ALTER DOMAIN does. */
  public sealed interface Action {}

  /** {@code ADD [CONSTRAINT name] CHECK (…)|NOT NULL [NOT VALID]}: checks every column of the domain. */
  public record AddConstraint(TableConstraint constraint, boolean notValid) implements Action {}

  /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE]}. */
  public record DropConstraint(String name, boolean ifExists, boolean cascade) implements Action {}

  /** {@code VALIDATE CONSTRAINT name}. */
  public record ValidateConstraint(String name) implements Action {}

  /** {@code RENAME CONSTRAINT from TO to}. */
  public record RenameConstraint(String from, String to) implements Action {}

  /** {@code SET NOT NULL}. */
  public record SetNotNull() implements Action {}

  /** {@code DROP NOT NULL}. */
  public record DropNotNull() implements Action {}

  /** {@code SET DEFAULT expression}. */
  public record SetDefault(String expression) implements Action {}

  /** {@code DROP DEFAULT}. */
  public record DropDefault() implements Action {}

  /** {@code RENAME TO new_name}. */
  public record RenameTo(String newName) implements Action {}

  /** {@code OWNER TO}, {@code SET SCHEMA} and anything else, as written. */
  public record Other(String text) implements Action {}
}
