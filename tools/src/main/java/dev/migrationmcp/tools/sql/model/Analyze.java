package dev.migrationmcp.tools.sql.model;

import java.util.List;

/** {@code ANALYZE [VERBOSE] [(options)] [tables]}; {@code tables} empty for the whole database. */
public record Analyze(List<QualifiedName> tables) implements Statement {
  public Analyze {
    tables = List.copyOf(tables);
  }

  @Override
  public String kind() {
    return "ANALYZE";
  }
}
