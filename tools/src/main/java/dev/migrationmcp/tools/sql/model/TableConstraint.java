package dev.migrationmcp.tools.sql.model;

import java.util.List;

/** A table constraint (also used for inline column constraints, with that one column). */
public sealed interface TableConstraint {
  /** The constraint name, or null when PostgreSQL will generate one. */
  String name();

  /** {@code CHECK (expression)}. */
  record Check(String name, String expression, boolean noInherit) implements TableConstraint {}

  /**
   * {@code FOREIGN KEY (columns) REFERENCES table (referencedColumns)}.
   *
   * @param referencedColumns empty when the referenced table's primary key is meant
   * @param onDelete the action as written in upper case ({@code CASCADE}, {@code SET NULL}), or null
   * @param onUpdate likewise for ON UPDATE
   * @param match {@code FULL}, {@code PARTIAL} or {@code SIMPLE} when written, else null
   */
  record ForeignKey(
      String name,
      List<String> columns,
      QualifiedName referencedTable,
      List<String> referencedColumns,
      String onDelete,
      String onUpdate,
      String match,
      boolean deferrable)
      implements TableConstraint {
    public ForeignKey {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }
  }

  /**
   * {@code UNIQUE (columns)} or {@code UNIQUE USING INDEX index}.
   *
   * @param columns empty with {@code USING INDEX}
   * @param usingIndex the existing index adopted, or null
   */
  record Unique(
      String name, List<String> columns, List<String> include, String usingIndex, boolean nullsNotDistinct,
      boolean deferrable)
      implements TableConstraint {
    public Unique {
      columns = List.copyOf(columns);
      include = List.copyOf(include);
    }
  }

  /** {@code PRIMARY KEY (columns)} or {@code PRIMARY KEY USING INDEX index}. */
  record PrimaryKey(String name, List<String> columns, List<String> include, String usingIndex, boolean deferrable)
      implements TableConstraint {
    public PrimaryKey {
      columns = List.copyOf(columns);
      include = List.copyOf(include);
    }
  }

  /**
   * {@code EXCLUDE [USING method] (element WITH operator, …) [WHERE (predicate)]}.
   *
   * @param elements the parenthesised element list as written, without the parentheses
   */
  record Exclude(String name, String method, String elements, String where) implements TableConstraint {}

  /** {@code [CONSTRAINT name] NOT NULL column} as a table constraint (PostgreSQL 18). */
  record NotNull(String name, String column) implements TableConstraint {}
}
