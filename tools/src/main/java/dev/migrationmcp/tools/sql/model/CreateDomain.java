package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT expr] [[CONSTRAINT n] NOT NULL|NULL|CHECK (…)] …}.
 *
 * @param checks the CHECK constraints, in order
 */
public record CreateDomain(QualifiedName name, SqlType type, String collation, String defaultExpression,
    boolean notNull, List<TableConstraint.Check> checks) implements Statement {
  public CreateDomain {
    checks = List.copyOf(checks);
  }

  @Override
  public String kind() {
    return "CREATE DOMAIN";
  }
}
