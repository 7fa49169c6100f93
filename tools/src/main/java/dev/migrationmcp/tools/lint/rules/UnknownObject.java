package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LiveSchema;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.schema.ColumnInfo;
import dev.migrationmcp.tools.schema.SchemaInfo;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.schema.ViewInfo;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * ALTER TABLE, DROP TABLE/VIEW, DROP INDEX or CREATE INDEX naming a table, column or index that is
 * neither in the live schema nor created earlier in the script: the statement fails and the
 * migration rolls back — usually a typo or a migration written against another branch. Only with a
 * live schema, and only for schemas the snapshot covers; IF EXISTS forms are left alone.
 */
@LintRule(id = "unknown-object", severity = Severity.ERROR, category = Category.SCHEMA,
    summary = "a table, column or index that neither the live schema nor the script before it has")
public final class UnknownObject implements Rule {
  @Override
  public void finish(ScriptContext c) {
    if (c.live().isEmpty()) {
      return;
    }
    LiveSchema live = c.live().get();
    ScriptObjects objects = new ScriptObjects();
    for (ReadStatement s : c.script().statements()) {
      new Check(c, live, objects, s).run();
      objects.advance(s.statement());
    }
  }

  /** The checks of one statement against what exists before it. */
  private record Check(ScriptContext c, LiveSchema live, ScriptObjects objects, ReadStatement s) {
    void run() {
      if (s.statement() instanceof AlterTable at && !at.ifExists()) {
        if (!table(at.table(), "ALTER TABLE")) {
          return;
        }
        for (AlterTableAction a : at.actions()) {
          for (String column : columnsUsed(a)) {
            column(at.table(), column);
          }
          TableConstraint.ForeignKey fk = a instanceof AlterTableAction.AddConstraint add
              && add.constraint() instanceof TableConstraint.ForeignKey f ? f
              : a instanceof AlterTableAction.AddColumn add ? add.column().foreignKey() : null;
          if (fk != null && !fk.referencedTable().equals(at.table())) {
            table(fk.referencedTable(), "the foreign key");
          }
        }
      } else if (s.statement() instanceof CreateIndex ci) {
        if (table(ci.table(), "CREATE INDEX")) {
          Stream.concat(ci.columns().stream(), ci.include().stream()).forEach(col -> column(ci.table(), col));
        }
      } else if (s.statement() instanceof DropObject d && !d.ifExists() && (d.type() == ObjectType.TABLE
          || d.type() == ObjectType.VIEW || d.type() == ObjectType.MATERIALIZED_VIEW)) {
        d.names().forEach(n -> {
          if (d.type() == ObjectType.TABLE) {
            table(n, "DROP TABLE");
          } else {
            view(n, d.kind());
          }
        });
      } else if (s.statement() instanceof DropIndex di && !di.ifExists()) {
        di.names().forEach(this::index);
      }
    }

    private static List<String> columnsUsed(AlterTableAction a) {
      List<String> out = new ArrayList<>();
      if (a instanceof AlterTableAction.DropColumn d && !d.ifExists()) {
        out.add(d.column());
      } else if (a instanceof AlterTableAction.AlterColumnType t) {
        out.add(t.column());
      } else if (a instanceof AlterTableAction.SetNotNull n) {
        out.add(n.column());
      } else if (a instanceof AlterTableAction.DropNotNull n) {
        out.add(n.column());
      } else if (a instanceof AlterTableAction.SetDefault d) {
        out.add(d.column());
      } else if (a instanceof AlterTableAction.DropDefault d) {
        out.add(d.column());
      } else if (a instanceof AlterTableAction.RenameColumn r) {
        out.add(r.from());
      } else if (a instanceof AlterTableAction.AddConstraint add) {
        TableConstraint k = add.constraint();
        if (k instanceof TableConstraint.ForeignKey fk) {
          out.addAll(fk.columns());
        } else if (k instanceof TableConstraint.Unique u) {
          out.addAll(u.columns());
        } else if (k instanceof TableConstraint.PrimaryKey pk) {
          out.addAll(pk.columns());
        }
      }
      return out;
    }

    /** Whether the table exists before this statement; reports it when it certainly does not. */
    private boolean table(QualifiedName name, String what) {
      String key = StatementEffects.name(name);
      if (objects.tableCreated(key) || objects.viewCreated(key)) {
        return true;
      }
      boolean dropped = objects.tableDropped(key);
      if (!dropped && (!covered(name) || liveRelation(name, key))) {
        return true;
      }
      report(name.name(), name + (dropped ? " was dropped or renamed earlier in this script"
          : " does not exist in the live schema and is not created earlier in this script"), what
          + " fails with \"relation " + name.name() + " does not exist\"", closest(name.name(), liveNames(name)));
      return false;
    }

    private void view(QualifiedName name, String what) {
      String key = StatementEffects.name(name);
      if (objects.viewCreated(key) || !covered(name) || !objects.viewDropped(key) && liveView(name).isPresent()) {
        return;
      }
      report(name.name(), name + " does not exist in the live schema and is not created earlier in this script",
          what + " fails with \"view " + name.name() + " does not exist\"",
          closest(name.name(), views(name).stream().map(ViewInfo::name).toList()));
    }

    private void column(QualifiedName table, String column) {
      String key = StatementEffects.name(table);
      if (objects.columnAdded(key, column)) {
        return;
      }
      Set<String> created = objects.createdColumns(key);
      List<String> known;
      if (objects.tableCreated(key)) {
        if (created == null || created.contains(column) && !objects.columnDropped(key, column)) {
          return;
        }
        known = new ArrayList<>(created);
      } else {
        Optional<TableInfo> t = live.table(objects.originalName(key));
        if (t.isEmpty() || t.get().columns().isEmpty()) {
          return;
        }
        if (t.get().column(column) != null && !objects.columnDropped(key, column)) {
          return;
        }
        known = new ArrayList<>(t.get().columns().stream().map(ColumnInfo::name)
            .filter(n -> !objects.columnDropped(key, n)).toList());
        known.addAll(objects.addedColumns(key));
      }
      report(column, table + "." + column + (objects.columnDropped(key, column) ? " was dropped or renamed earlier in "
          + "this script" : " is not a column of " + table + (objects.tableCreated(key) ? " as this script creates it"
          : " in the live schema") + " nor added earlier in this script"), "the statement fails with \"column "
          + column + " does not exist\"", closest(column, known));
    }

    private void index(QualifiedName name) {
      String key = name.schemaOr("public") + "." + name.name();
      if (objects.indexCreated(key) || !covered(name)) {
        return;
      }
      List<String> all = live.snapshot().tables().stream()
          .filter(t -> name.schema() == null || t.schema().equals(name.schema()))
          .flatMap(t -> t.indexes().stream()).map(i -> i.name()).toList();
      if (all.contains(name.name()) && !objects.indexDropped(key)) {
        return;
      }
      report(name.name(), "index " + name + (objects.indexDropped(key) ? " was dropped earlier in this script"
          : " does not exist in the live schema and is not created earlier in this script"),
          "DROP INDEX fails with \"index " + name.name() + " does not exist\"", closest(name.name(), all));
    }

    private void report(String fragment, String what, String consequence, String hint) {
      String text = s.source().text();
      c.report(s)
          .at(fragment)
          .message(what + ": " + consequence + " and the migration rolls back")
          .why("Names resolve when the statement runs; a typo, or a migration written against another branch's "
              + "schema, only shows up then — in production, if nothing checks it before.")
          .fix(hint == null ? "Create it earlier in the migration, fix the name, or write IF EXISTS if it may "
              + "legitimately be absent."
              : "Did you mean " + hint + "? " + text.replaceFirst("(?i)\\b" + java.util.regex.Pattern.quote(fragment)
                  + "\\b", java.util.regex.Matcher.quoteReplacement(hint)) + ";")
          .emit();
    }

    /** Whether the snapshot covers the schema the name resolves in (an unqualified name: any schema). */
    private boolean covered(QualifiedName name) {
      return name.schema() == null || live.snapshot().schemas().stream().anyMatch(x -> x.name().equals(name.schema()));
    }

    /** A table, view or sequence of the live schema by this name (its name before a rename in the script). */
    private boolean liveRelation(QualifiedName name, String key) {
      String original = objects.originalName(key);
      if (!original.equals(key)) {
        return live.table(original).isPresent();
      }
      Optional<TableInfo> table = name.schema() == null ? live.table(name.name()) : live.table(key);
      return table.isPresent() || liveView(name).isPresent() || schemas(name).flatMap(x -> x.sequences().stream())
          .anyMatch(q -> q.name().equals(name.name()));
    }

    private Optional<ViewInfo> liveView(QualifiedName name) {
      return views(name).stream().filter(v -> v.name().equals(name.name())).findFirst();
    }

    private List<ViewInfo> views(QualifiedName name) {
      return schemas(name).flatMap(x -> x.views().stream()).toList();
    }

    private Stream<SchemaInfo> schemas(QualifiedName name) {
      return live.snapshot().schemas().stream().filter(x -> name.schema() == null || x.name().equals(name.schema()));
    }

    private List<String> liveNames(QualifiedName name) {
      return Stream.concat(schemas(name).flatMap(x -> x.tables().stream()).map(TableInfo::name),
          schemas(name).flatMap(x -> x.views().stream()).map(ViewInfo::name)).toList();
    }
  }

  /** The known name closest to {@code name} (edit distance at most 2), or null. */
  static String closest(String name, List<String> known) {
    return known.stream().filter(k -> !k.equals(name)).map(k -> new Object[] {k, distance(name, k)})
        .filter(p -> (int) p[1] <= (name.length() <= 3 ? 1 : 2))
        .min(Comparator.comparingInt(p -> (int) p[1])).map(p -> (String) p[0]).orElse(null);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
