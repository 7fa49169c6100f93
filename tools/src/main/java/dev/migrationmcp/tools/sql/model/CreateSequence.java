package dev.migrationmcp.tools.sql.model;

/** {@code CREATE [TEMP|UNLOGGED] SEQUENCE [IF NOT EXISTS] name [options]}. */
public record CreateSequence(QualifiedName name, boolean ifNotExists) implements Statement {
  @Override
  public String kind() {
    return "CREATE SEQUENCE";
  }
}
