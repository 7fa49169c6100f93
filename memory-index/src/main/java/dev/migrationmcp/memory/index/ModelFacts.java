package dev.migrationmcp.memory.index;

import dev.migrationmcp.tools.lint.LintSettings;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.lint.TableEffect;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.AlterType;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.CreateType;
import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.Delete;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.Insert;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.model.Truncate;
import dev.migrationmcp.tools.sql.model.Unparsed;
import dev.migrationmcp.tools.sql.model.Update;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Facts from the project's own statement model ({@code tools.sql}): the tables, columns and
 * operations a migration touches, plus {@code rewrite} when a statement rewrites a table (as
 * {@code tools.lint.StatementEffects} predicts it). A statement the reader could not model falls
 * back to the regular expressions of {@link MigrationFacts}.
 */
public final class ModelFacts implements FactExtractor {
  private final MigrationFacts fallback = new MigrationFacts();

  @Override
  public TouchedObjects extract(String sql) {
    if (sql == null || sql.isBlank()) {
      return TouchedObjects.NONE;
    }
    Set<String> tables = new LinkedHashSet<>();
    Set<String> columns = new LinkedHashSet<>();
    Set<String> operations = new LinkedHashSet<>();
    Set<String> terms = new LinkedHashSet<>();
    for (ReadStatement read : ScriptReader.read(sql).statements()) {
      Statement s = read.statement();
      if (s instanceof Unparsed) {
        TouchedObjects guessed = fallback.extract(read.source().text());
        tables.addAll(guessed.tables());
        columns.addAll(guessed.columns());
        operations.addAll(guessed.operations());
        terms.addAll(guessed.terms());
        continue;
      }
      Facts f = new Facts(tables, columns, operations);
      read(s, f);
      for (TableEffect e : StatementEffects.of(s, LintSettings.DEFAULT_PG_VERSION, FunctionVolatility.builtIn())) {
        if (e.rewrite()) {
          terms.add("rewrite");
        }
      }
    }
    return new TouchedObjects(new ArrayList<>(tables), new ArrayList<>(columns), new ArrayList<>(operations),
        new ArrayList<>(terms));
  }

  private record Facts(Set<String> tables, Set<String> columns, Set<String> operations) {
    String table(QualifiedName n) {
      String name = n.isQualified() && !n.schema().equals("public") ? n.schema() + "." + n.name() : n.name();
      tables.add(name);
      return name;
    }

    void column(String table, String column) {
      if (column != null) {
        columns.add(table + "." + column);
      }
    }

    void op(Operation o) {
      operations.add(o.wireName());
    }
  }

  private static void read(Statement s, Facts f) {
    if (s instanceof CreateTable ct) {
      String t = f.table(ct.name());
      f.op(Operation.CREATE_TABLE);
      ct.columns().forEach(c -> f.column(t, c.name()));
      ct.constraints().stream().filter(c -> c instanceof TableConstraint.ForeignKey).findAny()
          .ifPresent(c -> f.op(Operation.ADD_FOREIGN_KEY));
    } else if (s instanceof AlterTable at) {
      String t = f.table(at.table());
      for (AlterTableAction a : at.actions()) {
        alter(t, a, f);
      }
    } else if (s instanceof CreateIndex ci) {
      String t = f.table(ci.table());
      f.op(Operation.CREATE_INDEX);
      ci.columns().forEach(c -> f.column(t, c));
    } else if (s instanceof DropIndex) {
      f.op(Operation.DROP_INDEX);
    } else if (s instanceof DropObject d && (d.type() == ObjectType.TABLE)) {
      d.names().forEach(f::table);
      f.op(Operation.DROP_TABLE);
    } else if (s instanceof CreateType ct) {
      f.op(Operation.CREATE_TYPE);
    } else if (s instanceof AlterType at) {
      f.op(at.action() instanceof AlterType.AddValue ? Operation.ADD_ENUM_VALUE : Operation.ALTER_TYPE);
    } else if (s instanceof CreateView v) {
      f.op(Operation.CREATE_VIEW);
    } else if (s instanceof Update u) {
      String t = f.table(u.table());
      f.op(Operation.BACKFILL);
      u.setColumns().forEach(c -> f.column(t, c));
    } else if (s instanceof Insert i) {
      String t = f.table(i.table());
      if (i.source() == Insert.Source.QUERY) {
        f.op(Operation.BACKFILL);
      }
      i.columns().forEach(c -> f.column(t, c));
    } else if (s instanceof Delete d) {
      f.table(d.table());
      f.op(Operation.DELETE_ROWS);
    } else if (s instanceof Truncate t) {
      t.tables().forEach(f::table);
      f.op(Operation.DELETE_ROWS);
    }
  }

  private static void alter(String t, AlterTableAction a, Facts f) {
    if (a instanceof AlterTableAction.AddColumn add) {
      ColumnDefinition c = add.column();
      f.column(t, c.name());
      f.op(Operation.ADD_COLUMN);
      if (c.foreignKey() != null) {
        f.op(Operation.ADD_FOREIGN_KEY);
      }
    } else if (a instanceof AlterTableAction.DropColumn d) {
      f.column(t, d.column());
      f.op(Operation.DROP_COLUMN);
    } else if (a instanceof AlterTableAction.RenameColumn r) {
      f.column(t, r.from());
      f.column(t, r.to());
      f.op(Operation.RENAME_COLUMN);
    } else if (a instanceof AlterTableAction.RenameTable r) {
      f.tables().add(r.newName());
      f.op(Operation.RENAME_TABLE);
    } else if (a instanceof AlterTableAction.AlterColumnType c) {
      f.column(t, c.column());
      f.op(Operation.ALTER_COLUMN_TYPE);
    } else if (a instanceof AlterTableAction.SetNotNull n) {
      f.column(t, n.column());
      f.op(Operation.SET_NOT_NULL);
    } else if (a instanceof AlterTableAction.DropNotNull n) {
      f.column(t, n.column());
      f.op(Operation.DROP_NOT_NULL);
    } else if (a instanceof AlterTableAction.SetDefault d) {
      f.column(t, d.column());
      f.op(Operation.SET_DEFAULT);
    } else if (a instanceof AlterTableAction.AddConstraint c) {
      f.op(c.constraint() instanceof TableConstraint.ForeignKey ? Operation.ADD_FOREIGN_KEY : Operation.ADD_CONSTRAINT);
      if (c.constraint() instanceof TableConstraint.ForeignKey fk) {
        fk.columns().forEach(col -> f.column(t, col));
        f.table(fk.referencedTable());
      }
    } else if (a instanceof AlterTableAction.DropConstraint) {
      f.op(Operation.DROP_CONSTRAINT);
    }
  }
}
