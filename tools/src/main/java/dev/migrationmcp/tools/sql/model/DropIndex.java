package dev.migrationmcp.tools.sql.model;

import java.util.List;

/** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, …] [CASCADE | RESTRICT]}. */
public record DropIndex(List<QualifiedName> names, boolean concurrently, boolean ifExists, boolean cascade)
    implements Statement {
  public DropIndex {
    names = List.copyOf(names);
  }

  @Override
  public String kind() {
    return "DROP INDEX";
  }
}
