package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a script has created, renamed and dropped so far, for the schema-aware rules that walk a
 * script statement by statement ({@link #advance} after looking at each one). Tables are keyed
 * {@code schema.name} ({@code public} when unqualified), as {@link StatementEffects#name} spells them.
 */
final class ScriptObjects {
  /** Created tables with their columns; null columns: any (CREATE TABLE AS, LIKE, INHERITS, PARTITION OF). */
  private final Map<String, Set<String>> createdTables = new HashMap<>();
  /** New name → name before the rename, for tables renamed in the script. */
  private final Map<String, String> renamedTables = new HashMap<>();
  private final Set<String> droppedTables = new HashSet<>();
  private final Set<String> addedColumns = new HashSet<>();
  private final Set<String> droppedColumns = new HashSet<>();
  private final Set<String> createdViews = new HashSet<>();
  private final Set<String> droppedViews = new HashSet<>();
  /** Indexes (and the indexes of PRIMARY KEY / UNIQUE constraints) created, per table. */
  private final Map<String, List<IndexShape>> createdIndexes = new LinkedHashMap<>();
  /** {@code schema.index} dropped in the script. */
  private final Set<String> droppedIndexes = new HashSet<>();
  /** {@code schema.table|constraint} dropped in the script. */
  private final Set<String> droppedConstraints = new HashSet<>();

  void advance(Statement s) {
    if (s instanceof CreateTable ct) {
      String table = StatementEffects.name(ct.name());
      boolean open = ct.asQuery() != null || !ct.like().isEmpty() || !ct.inherits().isEmpty()
          || ct.partitionOf() != null;
      Set<String> columns = open ? null : new HashSet<>();
      ct.columns().forEach(c -> {
        if (columns != null) {
          columns.add(c.name());
        }
      });
      createdTables.put(table, columns);
      droppedTables.remove(table);
      for (ColumnDefinition c : ct.columns()) {
        c.constraints().forEach(k -> constraintIndex(table, k));
      }
      ct.constraints().forEach(k -> constraintIndex(table, k));
    } else if (s instanceof CreateView v) {
      createdViews.add(StatementEffects.name(v.name()));
      droppedViews.remove(StatementEffects.name(v.name()));
    } else if (s instanceof CreateIndex ci) {
      String table = StatementEffects.name(ci.table());
      createdIndexes.computeIfAbsent(table, k -> new ArrayList<>()).add(IndexShape.of(ci));
      if (ci.name() != null) {
        droppedIndexes.remove(ci.table().schemaOr("public") + "." + ci.name());
      }
    } else if (s instanceof DropIndex di) {
      di.names().forEach(n -> droppedIndexes.add(n.schemaOr("public") + "." + n.name()));
    } else if (s instanceof DropObject d) {
      for (QualifiedName n : d.names()) {
        String name = StatementEffects.name(n);
        if (d.type() == ObjectType.TABLE) {
          droppedTables.add(name);
          createdTables.remove(name);
        } else if (d.type() == ObjectType.VIEW || d.type() == ObjectType.MATERIALIZED_VIEW) {
          droppedViews.add(name);
          createdViews.remove(name);
        }
      }
    } else if (s instanceof AlterTable at) {
      String table = StatementEffects.name(at.table());
      for (AlterTableAction a : at.actions()) {
        if (a instanceof AlterTableAction.AddColumn add) {
          addedColumns.add(table + "." + add.column().name());
          droppedColumns.remove(table + "." + add.column().name());
          add.column().constraints().forEach(k -> constraintIndex(table, k));
        } else if (a instanceof AlterTableAction.DropColumn drop) {
          droppedColumns.add(table + "." + drop.column());
          addedColumns.remove(table + "." + drop.column());
        } else if (a instanceof AlterTableAction.RenameColumn rc) {
          droppedColumns.add(table + "." + rc.from());
          addedColumns.add(table + "." + rc.to());
        } else if (a instanceof AlterTableAction.AddConstraint add) {
          constraintIndex(table, add.constraint());
        } else if (a instanceof AlterTableAction.DropConstraint dc) {
          droppedConstraints.add(table + "|" + dc.name());
        } else if (a instanceof AlterTableAction.RenameTable rt) {
          String renamed = at.table().schemaOr("public") + "." + rt.newName();
          renamedTables.put(renamed, renamedTables.getOrDefault(table, table));
          if (createdTables.containsKey(table)) {
            createdTables.put(renamed, createdTables.remove(table));
          }
          droppedTables.add(table);
          droppedTables.remove(renamed);
          List<IndexShape> indexes = createdIndexes.remove(table);
          if (indexes != null) {
            createdIndexes.put(renamed, indexes);
          }
        }
      }
    }
  }

  private void constraintIndex(String table, TableConstraint k) {
    if (k instanceof TableConstraint.PrimaryKey pk && pk.usingIndex() == null) {
      createdIndexes.computeIfAbsent(table, x -> new ArrayList<>())
          .add(IndexShape.constraint(pk.name(), pk.columns(), pk.include()));
    } else if (k instanceof TableConstraint.Unique u && u.usingIndex() == null) {
      createdIndexes.computeIfAbsent(table, x -> new ArrayList<>())
          .add(IndexShape.constraint(u.name(), u.columns(), u.include()));
    }
  }

  /** Created earlier in the script (and not dropped since). */
  boolean tableCreated(String table) {
    return createdTables.containsKey(table);
  }

  /** The columns of a table created in the script; null when they cannot be listed. */
  Set<String> createdColumns(String table) {
    return createdTables.get(table);
  }

  /** Dropped (or renamed away) earlier in the script. */
  boolean tableDropped(String table) {
    return droppedTables.contains(table);
  }

  /** The name a table renamed in the script had before, or the name itself. */
  String originalName(String table) {
    return renamedTables.getOrDefault(table, table);
  }

  boolean columnAdded(String table, String column) {
    return addedColumns.contains(table + "." + column);
  }

  /** The columns added to (or renamed in) {@code table} by the script so far. */
  List<String> addedColumns(String table) {
    return addedColumns.stream().filter(c -> c.startsWith(table + ".")).map(c -> c.substring(table.length() + 1))
        .sorted().toList();
  }

  boolean columnDropped(String table, String column) {
    return droppedColumns.contains(table + "." + column);
  }

  boolean viewCreated(String view) {
    return createdViews.contains(view);
  }

  boolean viewDropped(String view) {
    return droppedViews.contains(view);
  }

  /** The indexes the script created on {@code table} and did not drop. */
  List<IndexShape> indexes(String table) {
    String schema = table.substring(0, table.indexOf('.'));
    // At most 256: a real table has tens of indexes, and the bound keeps a pathological script linear.
    return createdIndexes.getOrDefault(table, List.of()).stream()
        .filter(i -> i.name() == null || !droppedIndexes.contains(schema + "." + i.name())).limit(256).toList();
  }

  boolean indexCreated(String qualifiedIndex) {
    String schema = qualifiedIndex.substring(0, qualifiedIndex.indexOf('.'));
    String name = qualifiedIndex.substring(qualifiedIndex.indexOf('.') + 1);
    return createdIndexes.entrySet().stream().filter(e -> e.getKey().startsWith(schema + "."))
        .flatMap(e -> e.getValue().stream()).anyMatch(i -> name.equals(i.name()))
        && !droppedIndexes.contains(qualifiedIndex);
  }

  boolean indexDropped(String qualifiedIndex) {
    return droppedIndexes.contains(qualifiedIndex);
  }

  boolean constraintDropped(String table, String constraint) {
    return droppedConstraints.contains(table + "|" + constraint);
  }
}
