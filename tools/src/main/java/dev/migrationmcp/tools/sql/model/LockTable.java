package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code LOCK [TABLE] [ONLY] name [, …] [IN mode MODE] [NOWAIT]}.
 *
 * @param mode the lock mode in upper case ({@code ACCESS EXCLUSIVE} when not written)
 */
public record LockTable(List<QualifiedName> tables, String mode, boolean nowait) implements Statement {
  public LockTable {
    tables = List.copyOf(tables);
  }

  @Override
  public String kind() {
    return "LOCK TABLE";
  }
}
