package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.Cluster;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.CreateTrigger;
import dev.migrationmcp.tools.sql.model.Delete;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.Insert;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.RefreshMaterializedView;
import dev.migrationmcp.tools.sql.model.Reindex;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.model.Truncate;
import dev.migrationmcp.tools.sql.model.Update;
import dev.migrationmcp.tools.sql.model.Vacuum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts the table locks, rewrites and full scans of a statement, following PostgreSQL's
 * documentation of each command (and the version differences that matter: constant defaults stop
 * rewriting in 11, ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE on the parent from 12). The dry
 * run compares these predictions with what it observes.
 */
public final class StatementEffects {
  private StatementEffects() {}

  /** The effects on each table the statement touches, strongest lock per table. */
  public static List<TableEffect> of(Statement statement, int pgVersion, FunctionVolatility volatility) {
    Map<String, TableEffect> out = new LinkedHashMap<>();
    if (statement instanceof AlterTable at) {
      String table = name(at.table());
      for (AlterTableAction action : at.actions()) {
        alterAction(out, table, action, pgVersion, volatility);
      }
    } else if (statement instanceof CreateIndex ci) {
      add(out, name(ci.table()), ci.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE, false, true);
    } else if (statement instanceof Reindex r && r.name() != null) {
      if (r.target() == Reindex.Target.TABLE) {
        add(out, name(r.name()), r.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE, false, true);
      }
    } else if (statement instanceof DropObject d && (d.type() == ObjectType.TABLE
        || d.type() == ObjectType.MATERIALIZED_VIEW)) {
      d.names().forEach(n -> add(out, name(n), LockMode.ACCESS_EXCLUSIVE, false, false));
    } else if (statement instanceof Truncate t) {
      t.tables().forEach(n -> add(out, name(n), LockMode.ACCESS_EXCLUSIVE, true, false));
    } else if (statement instanceof Vacuum v && v.full()) {
      v.tables().forEach(n -> add(out, name(n), LockMode.ACCESS_EXCLUSIVE, true, true));
    } else if (statement instanceof Cluster c && c.table() != null) {
      add(out, name(c.table()), LockMode.ACCESS_EXCLUSIVE, true, true);
    } else if (statement instanceof RefreshMaterializedView r) {
      add(out, name(r.name()), r.concurrently() ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE, !r.concurrently(), true);
    } else if (statement instanceof Update u) {
      add(out, name(u.table()), LockMode.ROW_EXCLUSIVE, false, !u.hasWhere());
    } else if (statement instanceof Delete d) {
      add(out, name(d.table()), LockMode.ROW_EXCLUSIVE, false, !d.hasWhere());
    } else if (statement instanceof Insert i) {
      add(out, name(i.table()), LockMode.ROW_EXCLUSIVE, false, false);
    } else if (statement instanceof CreateTrigger t && t.table() != null) {
      add(out, name(t.table()), LockMode.SHARE_ROW_EXCLUSIVE, false, false);
    } else if (statement instanceof CreateTable ct) {
      // A foreign key on a new table still locks the table it references.
      for (TableConstraint c : allConstraints(ct)) {
        if (c instanceof TableConstraint.ForeignKey fk) {
          add(out, name(fk.referencedTable()), LockMode.SHARE_ROW_EXCLUSIVE, false, false);
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static List<TableConstraint> allConstraints(CreateTable ct) {
    List<TableConstraint> all = new ArrayList<>(ct.constraints());
    ct.columns().forEach(c -> all.addAll(c.constraints()));
    return all;
  }

  private static void alterAction(Map<String, TableEffect> out, String table, AlterTableAction action, int pgVersion,
      FunctionVolatility volatility) {
    if (action instanceof AlterTableAction.AddColumn add) {
      add(out, table, LockMode.ACCESS_EXCLUSIVE, addColumnRewrites(add.column(), pgVersion, volatility), false);
      TableConstraint.ForeignKey fk = add.column().foreignKey();
      if (fk != null) {
        add(out, name(fk.referencedTable()), LockMode.SHARE_ROW_EXCLUSIVE, false, false);
      }
    } else if (action instanceof AlterTableAction.AlterColumnType) {
      add(out, table, LockMode.ACCESS_EXCLUSIVE, true, true);
    } else if (action instanceof AlterTableAction.SetNotNull) {
      add(out, table, LockMode.ACCESS_EXCLUSIVE, false, true);
    } else if (action instanceof AlterTableAction.AddConstraint ac) {
      TableConstraint c = ac.constraint();
      if (c instanceof TableConstraint.ForeignKey fk) {
        add(out, table, LockMode.SHARE_ROW_EXCLUSIVE, false, !ac.notValid());
        add(out, name(fk.referencedTable()), LockMode.SHARE_ROW_EXCLUSIVE, false, false);
      } else if (c instanceof TableConstraint.Check) {
        add(out, table, LockMode.ACCESS_EXCLUSIVE, false, !ac.notValid());
      } else if (c instanceof TableConstraint.Unique u) {
        add(out, table, u.usingIndex() != null ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE, false,
            u.usingIndex() == null);
        if (u.usingIndex() != null) {
          add(out, table, LockMode.ACCESS_EXCLUSIVE, false, false);
        }
      } else if (c instanceof TableConstraint.PrimaryKey pk) {
        add(out, table, LockMode.ACCESS_EXCLUSIVE, false, pk.usingIndex() == null);
      } else {
        add(out, table, LockMode.ACCESS_EXCLUSIVE, false, true);
      }
    } else if (action instanceof AlterTableAction.ValidateConstraint) {
      add(out, table, LockMode.SHARE_UPDATE_EXCLUSIVE, false, true);
    } else if (action instanceof AlterTableAction.AttachPartition ap) {
      add(out, table, pgVersion >= 12 ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE, false, false);
      add(out, name(ap.partition()), LockMode.ACCESS_EXCLUSIVE, false, true);
    } else if (action instanceof AlterTableAction.DetachPartition dp) {
      add(out, table, dp.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE, false, false);
    } else if (action instanceof AlterTableAction.SetLogged || action instanceof AlterTableAction.SetTablespace) {
      add(out, table, LockMode.ACCESS_EXCLUSIVE, true, true);
    } else if (action instanceof AlterTableAction.SetTrigger) {
      add(out, table, LockMode.SHARE_ROW_EXCLUSIVE, false, false);
    } else {
      add(out, table, LockMode.ACCESS_EXCLUSIVE, false, false);
    }
  }

  /**
   * Whether ADD COLUMN rewrites the table: a volatile default, a stored generated or identity
   * column, a serial column, or (before PostgreSQL 11) any default.
   */
  public static boolean addColumnRewrites(ColumnDefinition column, int pgVersion, FunctionVolatility volatility) {
    if (column.generated() != null) {
      return true;
    }
    if (column.type() != null && column.type().serial()) {
      return true;
    }
    if (column.defaultExpression() == null) {
      return false;
    }
    return pgVersion < 11 || volatility.classify(column.defaultExpression()).isVolatile();
  }

  private static void add(Map<String, TableEffect> out, String table, LockMode lock, boolean rewrite, boolean scan) {
    out.merge(table, new TableEffect(table, lock, rewrite, scan), (a, b) -> new TableEffect(table,
        LockMode.stronger(a.lock(), b.lock()), a.rewrite() || b.rewrite(), a.scan() || b.scan()));
  }

  /** {@code schema.name}, with {@code public} for unqualified names. */
  public static String name(QualifiedName n) {
    return n == null ? null : n.schemaOr("public") + "." + n.name();
  }
}
