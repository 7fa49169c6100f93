package dev.migrationmcp.tools.sql.model;

/** {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]}. */
public record CreateExtension(String name, boolean ifNotExists, String schema, String version)
    implements Statement {
  @Override
  public String kind() {
    return "CREATE EXTENSION";
  }
}
