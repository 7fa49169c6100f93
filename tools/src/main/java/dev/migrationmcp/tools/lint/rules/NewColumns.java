package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.SqlType;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns a statement declares — those of {@code CREATE TABLE} and of {@code ADD COLUMN} —
 * for the type rules, with whether each is part of a primary or foreign key, and the column
 * definition's source text so that a fix can show it with the type replaced. Columns of temporary
 * tables are left out: they live for one session.
 */
final class NewColumns {
  private NewColumns() {}

  /**
   * One declared column.
   *
   * @param table the table it belongs to
   * @param column its definition
   * @param added declared by ALTER TABLE … ADD COLUMN (else CREATE TABLE)
   * @param primaryKey part of the primary key declared in the same statement
   * @param foreignKey part of a foreign key declared in the same statement
   */
  record NewColumn(QualifiedName table, ColumnDefinition column, boolean added, boolean primaryKey,
      boolean foreignKey) {
    SqlType type() {
      return column.type();
    }

    String name() {
      return column.name();
    }
  }

  /** The columns {@code statement} declares, in order; empty for other statements. */
  static List<NewColumn> of(Statement statement) {
    List<NewColumn> out = new ArrayList<>();
    if (statement instanceof CreateTable ct && ct.partitionOf() == null
        && ct.persistence() != CreateTable.Persistence.TEMPORARY) {
      Set<String> pk = new HashSet<>();
      Set<String> fk = new HashSet<>();
      keys(ct.constraints(), pk, fk);
      for (ColumnDefinition c : ct.columns()) {
        keys(c.constraints(), pk, fk);
      }
      for (ColumnDefinition c : ct.columns()) {
        if (c.type() != null) {
          out.add(new NewColumn(ct.name(), c, false, pk.contains(c.name()), fk.contains(c.name())));
        }
      }
    } else if (statement instanceof AlterTable at) {
      Set<String> pk = new HashSet<>();
      Set<String> fk = new HashSet<>();
      List<TableConstraint> constraints = new ArrayList<>();
      at.actions(AlterTableAction.AddConstraint.class).forEach(a -> constraints.add(a.constraint()));
      keys(constraints, pk, fk);
      for (AlterTableAction.AddColumn add : at.actions(AlterTableAction.AddColumn.class)) {
        keys(add.column().constraints(), pk, fk);
      }
      for (AlterTableAction.AddColumn add : at.actions(AlterTableAction.AddColumn.class)) {
        ColumnDefinition c = add.column();
        if (c.type() != null) {
          out.add(new NewColumn(at.table(), c, true, pk.contains(c.name()), fk.contains(c.name())));
        }
      }
    }
    return out;
  }

  private static void keys(List<TableConstraint> constraints, Set<String> pk, Set<String> fk) {
    for (TableConstraint c : constraints) {
      if (c instanceof TableConstraint.PrimaryKey p) {
        pk.addAll(p.columns());
      } else if (c instanceof TableConstraint.ForeignKey f) {
        fk.addAll(f.columns());
      }
    }
  }

  /**
   * The column's definition as written in {@code text} ({@code id serial PRIMARY KEY}) with its
   * type replaced by {@code newType}, or null when it cannot be found.
   */
  static String withType(String text, NewColumn column, String newType) {
    String definition = definition(text, column.name());
    if (definition == null) {
      return null;
    }
    String written = column.type().text();
    int afterName = Clauses.of(definition).tokens().get(0).end();
    int at = definition.toLowerCase(Locale.ROOT).indexOf(written.toLowerCase(Locale.ROOT), afterName);
    if (at < 0) {
      return null;
    }
    return definition.substring(0, at) + newType + definition.substring(at + written.length());
  }

  /** The fix for one column: {@code ALTER TABLE t ADD COLUMN <definition>} or the definition for CREATE TABLE. */
  static String fix(String text, NewColumn column, String newType) {
    String definition = withType(text, column, newType);
    if (definition == null) {
      definition = Sql.quote(column.name()) + " " + newType;
    }
    return column.added()
        ? "ALTER TABLE " + column.table() + " ADD COLUMN " + definition + ";"
        : definition + "  -- in CREATE TABLE " + column.table();
  }

  /**
   * The source text of the definition of {@code column}: from its name to the next comma or
   * closing parenthesis at the same nesting depth, on one line.
   */
  static String definition(String text, String column) {
    Clauses clauses = Clauses.of(text);
    List<SqlToken> tokens = clauses.tokens();
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
        continue;
      }
      if (t.isSymbol(")") || t.isSymbol("]")) {
        depth--;
        continue;
      }
      if (!t.isIdentifier() || !t.value().equals(column) || i == 0 || i + 1 >= tokens.size()) {
        continue;
      }
      SqlToken previous = tokens.get(i - 1);
      boolean starts = previous.isSymbol("(") || previous.isSymbol(",") || previous.is("column") || previous.is("add")
          || previous.is("exists");
      if (!starts) {
        continue;
      }
      int level = 0;
      int end = i + 1;
      for (; end < tokens.size(); end++) {
        SqlToken e = tokens.get(end);
        if (e.isSymbol("(") || e.isSymbol("[")) {
          level++;
        } else if (e.isSymbol(")") || e.isSymbol("]")) {
          if (level == 0) {
            break;
          }
          level--;
        } else if (level == 0 && e.isSymbol(",")) {
          break;
        }
      }
      return clauses.slice(i, end);
    }
    return null;
  }
}
