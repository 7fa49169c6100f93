package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LiveSchema;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.schema.ForeignKeyInfo;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.schema.ViewInfo;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DROP TABLE, DROP VIEW or DROP COLUMN on an object that views or foreign keys of the live
 * database depend on ({@code pg_depend}): without CASCADE it fails, with CASCADE it silently drops
 * them too. Dependents the script dropped before are left out.
 */
@LintRule(id = "drop-with-dependents", severity = Severity.ERROR, category = Category.SCHEMA,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "a dropped table, view or column has dependent views or foreign keys: it fails, or CASCADE drops them")
public final class DropWithDependents implements Rule {
  @Override
  public void finish(ScriptContext c) {
    if (c.live().isEmpty()) {
      return;
    }
    LiveSchema live = c.live().get();
    ScriptObjects objects = new ScriptObjects();
    for (ReadStatement s : c.script().statements()) {
      if (s.statement() instanceof DropObject d && (d.type() == ObjectType.TABLE || d.type() == ObjectType.VIEW
          || d.type() == ObjectType.MATERIALIZED_VIEW)) {
        Set<String> droppedTogether = new LinkedHashSet<>();
        d.names().forEach(n -> droppedTogether.add(StatementEffects.name(n)));
        for (QualifiedName n : d.names()) {
          String key = StatementEffects.name(n);
          if (objects.tableCreated(key) || objects.viewCreated(key)) {
            continue;
          }
          List<String> deps = remaining(live.dependents().getOrDefault(objects.originalName(key), List.of()), objects,
              droppedTogether);
          if (!deps.isEmpty()) {
            report(c, s, d.type() == ObjectType.TABLE ? n : null, n.name(), d.kind() + " " + n, deps, d.cascade());
          }
        }
      } else if (s.statement() instanceof AlterTable at && !objects.tableCreated(StatementEffects.name(at.table()))) {
        for (AlterTableAction.DropColumn drop : at.actions(AlterTableAction.DropColumn.class)) {
          String key = StatementEffects.name(at.table());
          if (objects.columnAdded(key, drop.column())) {
            continue;
          }
          List<String> deps = remaining(columnDependents(live, objects.originalName(key), drop.column()), objects,
              Set.of());
          if (!deps.isEmpty()) {
            report(c, s, at.table(), drop.column(), "DROP COLUMN " + at.table() + "." + drop.column(), deps, drop.cascade());
          }
        }
      }
      objects.advance(s.statement());
    }
  }

  /** Views using the column (column-level pg_depend entries, or the view's definition) and foreign keys to it. */
  private static List<String> columnDependents(LiveSchema live, String table, String column) {
    Set<String> out = new LinkedHashSet<>(live.dependents().getOrDefault(table + "." + column, List.of()));
    Pattern word = Pattern.compile("(?<![\\w$\"])\"?" + Pattern.quote(column) + "\"?(?![\\w$])", Pattern.CASE_INSENSITIVE);
    for (String dependent : live.dependents().getOrDefault(table, List.of())) {
      if (!dependent.startsWith("view ") && !dependent.startsWith("materialized view ")) {
        continue;
      }
      String view = dependent.substring(dependent.lastIndexOf(' ') + 1);
      if (view.indexOf('.') < 0) {
        continue;
      }
      String definition = live.snapshot().schemas().stream()
          .filter(x -> x.name().equals(view.substring(0, view.indexOf('.'))))
          .flatMap(x -> x.views().stream()).filter(v -> v.name().equals(view.substring(view.indexOf('.') + 1)))
          .map(ViewInfo::definition).findFirst().orElse(null);
      if (definition != null && word.matcher(definition).find()) {
        out.add(dependent);
      }
    }
    for (TableInfo t : live.snapshot().tables()) {
      for (ForeignKeyInfo fk : t.foreignKeys()) {
        if (fk.references() != null && fk.references().table().equals(table)
            && fk.references().columns().contains(column)) {
          out.add("foreign key " + fk.name() + " on " + t.qualifiedName());
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The dependents not already dropped by the script, nor by this very statement. */
  private static List<String> remaining(List<String> dependents, ScriptObjects objects, Set<String> droppedTogether) {
    List<String> out = new ArrayList<>();
    for (String d : dependents) {
      String object = d.substring(d.lastIndexOf(' ') + 1);
      if (d.startsWith("foreign key ") && d.lastIndexOf(" on ") > "foreign key".length()) {
        String constraint = d.substring("foreign key ".length(), d.lastIndexOf(" on "));
        if (objects.tableDropped(object) || objects.constraintDropped(object, constraint)
            || droppedTogether.contains(object)) {
          continue;
        }
      } else if (objects.viewDropped(object) || objects.tableDropped(object) || droppedTogether.contains(object)) {
        continue;
      }
      out.add(d);
    }
    return out;
  }

  private static void report(ScriptContext c, ReadStatement s, QualifiedName table, String fragment, String what,
      List<String> deps, boolean cascade) {
    List<String> drops = new ArrayList<>();
    for (String d : deps) {
      String object = d.substring(d.lastIndexOf(' ') + 1);
      if (d.startsWith("foreign key ") && d.lastIndexOf(" on ") > "foreign key".length()) {
        drops.add("ALTER TABLE " + object + " DROP CONSTRAINT " + Sql.quote(d.substring("foreign key ".length(),
            d.lastIndexOf(" on "))) + ";");
      } else if (d.startsWith("materialized view ")) {
        drops.add("DROP MATERIALIZED VIEW " + object + ";");
      } else if (d.startsWith("view ")) {
        drops.add("DROP VIEW " + object + ";");
      }
    }
    String list = String.join(", ", deps);
    c.report(s)
        .table(table)
        .at(fragment)
        .message(cascade
            ? what + " … CASCADE also silently drops " + list + ": queries and code that use them break, and the "
                + "constraints stop protecting the data"
            : what + " fails with \"cannot drop … because other objects depend on it\" (" + list + ") and the "
                + "migration rolls back")
        .why("PostgreSQL records which views and constraints use a table or column (pg_depend) and refuses to drop it "
            + "from under them unless CASCADE removes them as well.")
        .fix("-- first decide about each dependent: change it to stop using " + fragment + ", or drop it explicitly:\n"
            + String.join("\n", drops) + "\n-- then: " + Sql.oneLine(s.source().text()).replaceFirst("(?i)\\s+CASCADE\\s*$",
                "") + ";")
        .emit();
  }
}
