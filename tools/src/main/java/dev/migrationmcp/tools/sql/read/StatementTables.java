package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.Analyze;
import dev.migrationmcp.tools.sql.model.Cluster;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.CreateTrigger;
import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.Delete;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.Insert;
import dev.migrationmcp.tools.sql.model.LockTable;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.RefreshMaterializedView;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.model.Truncate;
import dev.migrationmcp.tools.sql.model.Update;
import dev.migrationmcp.tools.sql.model.Vacuum;
import java.util.LinkedHashSet;

import java.util.Set;

/**
 * The tables (and views) a statement touches: the ones it changes, references through a foreign
 * key, or reads in a query. Names come from the model; the tables a query reads come from
 * JSqlParser (through {@link JSqlParserAdapter}), and are left out when it cannot read the query.
 * Used to index past migrations by table and to find the objects lint rules talk about.
 */
public final class StatementTables {
  private StatementTables() {}

  /** The tables {@code statement} touches, in order of appearance, without duplicates. */
  public static Set<QualifiedName> of(Statement statement) {
    Set<QualifiedName> out = new LinkedHashSet<>();
    if (statement instanceof AlterTable) {
      AlterTable a = (AlterTable) statement;
      out.add(a.table());
      for (AlterTableAction action : a.actions()) {
        if (action instanceof AlterTableAction.AddColumn) {
          referenced(((AlterTableAction.AddColumn) action).column(), out);
        } else if (action instanceof AlterTableAction.AddConstraint) {
          referenced(((AlterTableAction.AddConstraint) action).constraint(), out);
        } else if (action instanceof AlterTableAction.AttachPartition) {
          out.add(((AlterTableAction.AttachPartition) action).partition());
        } else if (action instanceof AlterTableAction.DetachPartition) {
          out.add(((AlterTableAction.DetachPartition) action).partition());
        }
      }
    } else if (statement instanceof CreateTable) {
      CreateTable t = (CreateTable) statement;
      out.add(t.name());
      if (t.partitionOf() != null) {
        out.add(t.partitionOf());
      }
      out.addAll(t.like());
      out.addAll(t.inherits());
      t.columns().forEach(c -> referenced(c, out));
      t.constraints().forEach(c -> referenced(c, out));
      query(t.asQuery(), out);
    } else if (statement instanceof CreateIndex) {
      out.add(((CreateIndex) statement).table());
    } else if (statement instanceof DropObject) {
      DropObject d = (DropObject) statement;
      if (d.type() == ObjectType.TABLE || d.type() == ObjectType.VIEW || d.type() == ObjectType.MATERIALIZED_VIEW
          || d.type() == ObjectType.FOREIGN_TABLE) {
        out.addAll(d.names());
      }
      if (d.on() != null) {
        out.add(d.on());
      }
    } else if (statement instanceof CreateView) {
      CreateView v = (CreateView) statement;
      out.add(v.name());
      query(v.query(), out);
    } else if (statement instanceof RefreshMaterializedView) {
      out.add(((RefreshMaterializedView) statement).name());
    } else if (statement instanceof Truncate) {
      out.addAll(((Truncate) statement).tables());
    } else if (statement instanceof Vacuum) {
      out.addAll(((Vacuum) statement).tables());
    } else if (statement instanceof Analyze) {
      out.addAll(((Analyze) statement).tables());
    } else if (statement instanceof Cluster) {
      if (((Cluster) statement).table() != null) {
        out.add(((Cluster) statement).table());
      }
    } else if (statement instanceof LockTable) {
      out.addAll(((LockTable) statement).tables());
    } else if (statement instanceof Update) {
      out.add(((Update) statement).table());
    } else if (statement instanceof Delete) {
      out.add(((Delete) statement).table());
    } else if (statement instanceof Insert) {
      out.add(((Insert) statement).table());
      query(((Insert) statement).query(), out);
    } else if (statement instanceof CreateTrigger) {
      out.add(((CreateTrigger) statement).table());
    }
    return out;
  }

  private static void referenced(ColumnDefinition column, Set<QualifiedName> out) {
    column.constraints().forEach(c -> referenced(c, out));
  }

  private static void referenced(TableConstraint constraint, Set<QualifiedName> out) {
    if (constraint instanceof TableConstraint.ForeignKey) {
      out.add(((TableConstraint.ForeignKey) constraint).referencedTable());
    }
  }

  private static void query(String query, Set<QualifiedName> out) {
    if (query != null) {
      JSqlParserAdapter.tablesRead(query).ifPresent(out::addAll);
    }
  }
}
