package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code DROP TABLE|VIEW|MATERIALIZED VIEW|SCHEMA|TYPE|DOMAIN|SEQUENCE|FUNCTION|EXTENSION|DATABASE|
 * TRIGGER|POLICY|… [IF EXISTS] name [, …] [ON table] [CASCADE | RESTRICT]} ({@code DROP INDEX} is
 * {@link DropIndex}).
 *
 * @param names the objects dropped; function argument lists are not part of the name
 * @param on the table of {@code DROP TRIGGER|POLICY|RULE name ON table}, else null
 */
public record DropObject(ObjectType type, List<QualifiedName> names, boolean ifExists, boolean cascade,
    QualifiedName on) implements Statement {
  public DropObject {
    names = List.copyOf(names);
  }

  @Override
  public String kind() {
    return "DROP " + type.sql();
  }
}
