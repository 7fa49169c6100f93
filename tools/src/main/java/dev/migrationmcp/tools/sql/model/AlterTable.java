package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, action …]}.
 *
 * @param only {@code ONLY} was written: descendants (partitions, children) are not touched
 */
public record AlterTable(QualifiedName table, boolean ifExists, boolean only, List<AlterTableAction> actions)
    implements Statement {
  public AlterTable {
    actions = List.copyOf(actions);
  }

  @Override
  public String kind() {
    return "ALTER TABLE";
  }

  /** The actions of one type, in order. */
  public <T extends AlterTableAction> List<T> actions(Class<T> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).collect(java.util.stream.Collectors.toList());
  }
}
