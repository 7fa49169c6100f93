package dev.migrationmcp.tools.sql.model;

import java.util.List;

/** {@code TRUNCATE [TABLE] [ONLY] name [, …] [RESTART IDENTITY] [CASCADE]}. */
public record Truncate(List<QualifiedName> tables, boolean restartIdentity, boolean cascade) implements Statement {
  public Truncate {
    tables = List.copyOf(tables);
  }

  @Override
  public String kind() {
    return "TRUNCATE TABLE";
  }
}
