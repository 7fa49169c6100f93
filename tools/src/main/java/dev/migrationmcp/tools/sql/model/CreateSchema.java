package dev.migrationmcp.tools.sql.model;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]}.
 *
 * @param name the schema; for {@code CREATE SCHEMA AUTHORIZATION role} the role's name
 */
public record CreateSchema(String name, boolean ifNotExists, String authorization) implements Statement {
  @Override
  public String kind() {
    return "CREATE SCHEMA";
  }
}
