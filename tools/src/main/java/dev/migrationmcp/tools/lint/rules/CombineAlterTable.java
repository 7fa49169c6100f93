package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.ScriptState;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.lint.TableEffect;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ResetParameter;
import dev.migrationmcp.tools.sql.model.SetParameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several ALTER TABLE statements in a row on the same existing table: each one waits for its own
 * ACCESS EXCLUSIVE lock and may scan or rewrite the table again, where one statement with
 * comma-separated actions takes the lock once and makes one pass. Only statements that can be
 * merged are counted: a statement in between that touches the table (or one whose tables are not
 * known, such as a view, a comment or a transaction boundary), VALIDATE CONSTRAINT (kept apart on purpose), RENAME, SET SCHEMA and partition changes start
 * over, and SET NOT NULL is not merged with a DROP CONSTRAINT (the check it relies on would be
 * dropped first).
 */
@LintRule(id = "combine-alter-table", severity = Severity.INFO, category = Category.STYLE,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "several ALTER TABLE statements on one table each take its lock; combine them")
public final class CombineAlterTable implements Rule {
  /** Consecutive mergeable ALTER TABLE statements on one table. */
  private static final class Run {
    final List<Integer> lines = new ArrayList<>();
    final List<String> actions = new ArrayList<>();
    int count;
    boolean setNotNull;
    boolean dropConstraint;
  }

  private static final int MAX_LISTED = 10;

  private final Map<String, Run> runs = new HashMap<>();
  private ScriptState seen;

  @Override
  public void check(RuleContext c) {
    if (seen != c.script()) {
      seen = c.script();
      runs.clear();
    }
    if (!(c.model() instanceof AlterTable at)) {
      if (c.model() instanceof SetParameter || c.model() instanceof ResetParameter) {
        return;
      }
      // a statement that touches no known table may still depend on the earlier ALTER (a view, a comment,
      // a transaction boundary): start over everywhere
      List<TableEffect> effects = c.effects();
      if (effects.isEmpty()) {
        runs.clear();
      } else {
        effects.forEach(e -> runs.remove(e.table()));
      }
      return;
    }
    String table = StatementEffects.name(at.table());
    if (c.isNewTable(at.table()) || !at.actions().stream().allMatch(CombineAlterTable::mergeable)) {
      runs.remove(table);
      return;
    }
    boolean setNotNull = !at.actions(AlterTableAction.SetNotNull.class).isEmpty();
    boolean dropConstraint = !at.actions(AlterTableAction.DropConstraint.class).isEmpty();
    Run run = runs.get(table);
    if (run != null && (run.setNotNull && dropConstraint || run.dropConstraint && setNotNull)) {
      runs.remove(table);
      run = null;
    }
    String actions = actions(c.text());
    if (run != null && !run.lines.isEmpty() && actions != null) {
      // Bounded: a script of thousands of ALTERs on one table must stay linear in time and output.
      List<String> all = new ArrayList<>(run.actions.subList(0, Math.min(run.actions.size(), MAX_LISTED)));
      if (run.actions.size() < MAX_LISTED) {
        all.add(actions);
      } else {
        all.add("… (" + (run.count - MAX_LISTED + 1) + " more actions)");
      }
      List<Integer> listed = run.lines.subList(0, Math.min(run.lines.size(), MAX_LISTED));
      c.report()
          .table(at.table())
          .message(at.table() + " is altered again (ALTER TABLE on line" + (run.count > 1 ? "s " : " ")
              + listed.stream().map(String::valueOf).collect(Collectors.joining(", "))
              + (run.count > listed.size() ? " and " + (run.count - listed.size()) + " more" : "") + "): each ALTER TABLE "
              + "waits for its own ACCESS EXCLUSIVE lock, and each may scan or rewrite the table again")
          .why("PostgreSQL applies all actions of one ALTER TABLE under a single lock and in a single pass over the "
              + "table; separate statements queue for the lock and pass over the table once each.")
          .fix("ALTER TABLE " + at.table() + "\n  " + String.join(",\n  ", all) + ";")
          .emit();
    }
    if (actions == null) {
      runs.remove(table);
      return;
    }
    Run current = run != null ? run : new Run();
    if (current.lines.size() < MAX_LISTED) {
      current.lines.add(c.statement().line());
      current.actions.add(actions);
    }
    current.count++;
    current.setNotNull |= setNotNull;
    current.dropConstraint |= dropConstraint;
    runs.put(table, current);
  }

  /** Actions that may share one ALTER TABLE with others, and that nobody keeps apart on purpose. */
  private static boolean mergeable(AlterTableAction a) {
    return !(a instanceof AlterTableAction.RenameTable || a instanceof AlterTableAction.RenameColumn
        || a instanceof AlterTableAction.RenameConstraint || a instanceof AlterTableAction.SetSchema
        || a instanceof AlterTableAction.AttachPartition || a instanceof AlterTableAction.DetachPartition
        || a instanceof AlterTableAction.ValidateConstraint);
  }

  /** The statement's action list as written (after {@code ALTER TABLE [IF EXISTS] [ONLY] name [*]}), or null. */
  private static String actions(String text) {
    Clauses clauses = Clauses.of(text);
    List<SqlToken> t = clauses.tokens();
    if (!(t.size() > 2 && t.get(0).is("alter") && t.get(1).is("table"))) {
      return null;
    }
    int i = 2;
    if (i + 1 < t.size() && t.get(i).is("if") && t.get(i + 1).is("exists")) {
      i += 2;
    }
    if (i < t.size() && t.get(i).is("only")) {
      i++;
    }
    i++;
    while (i + 1 < t.size() && t.get(i).isSymbol(".")) {
      i += 2;
    }
    if (i < t.size() && t.get(i).isSymbol("*")) {
      i++;
    }
    return i < t.size() ? clauses.slice(i, t.size()) : null;
  }
}
