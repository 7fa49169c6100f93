package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LiveSchema;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.model.Update;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SET NOT NULL, a {@code CHECK (col IS NOT NULL)} (added validated, or validated later) or a
 * PRIMARY KEY on a column that {@code pg_stats} says holds NULLs: it fails after reading the whole
 * table, and the migration rolls back. Not reported when the script updates the column first (a
 * backfill).
 */
@LintRule(id = "not-null-on-column-with-nulls", severity = Severity.ERROR, category = Category.SCHEMA,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "NOT NULL on a column whose pg_stats null_frac says it holds NULLs: it will fail after a full scan")
public final class NotNullOnColumnWithNulls implements Rule {
  @Override
  public void finish(ScriptContext c) {
    if (c.live().isEmpty() || c.live().get().nullFractions().isEmpty()) {
      return;
    }
    LiveSchema live = c.live().get();
    ScriptObjects objects = new ScriptObjects();
    Set<String> backfilled = new HashSet<>();
    Map<String, String> notValidChecks = new HashMap<>();
    for (ReadStatement s : c.script().statements()) {
      if (s.statement() instanceof Update u) {
        String table = StatementEffects.name(u.table());
        u.setColumns().forEach(col -> backfilled.add(table + "." + col));
      } else if (s.statement() instanceof AlterTable at && !objects.tableCreated(StatementEffects.name(at.table()))) {
        String table = StatementEffects.name(at.table());
        for (AlterTableAction a : at.actions()) {
          if (a instanceof AlterTableAction.SetNotNull set) {
            check(c, live, objects, backfilled, s, at.table(), set.column(), "SET NOT NULL", LockMode.ACCESS_EXCLUSIVE);
          } else if (a instanceof AlterTableAction.AddConstraint add
              && add.constraint() instanceof TableConstraint.Check k) {
            String column = PrimaryKeyUsingIndexSetsNotNull.isNotNullColumn(k.expression());
            if (column != null && add.notValid() && k.name() != null) {
              notValidChecks.put(table + "|" + k.name(), column);
            } else if (column != null && !add.notValid()) {
              check(c, live, objects, backfilled, s, at.table(), column, "ADD CONSTRAINT … CHECK (" + column
                  + " IS NOT NULL)", LockMode.ACCESS_EXCLUSIVE);
            }
          } else if (a instanceof AlterTableAction.ValidateConstraint v
              && notValidChecks.containsKey(table + "|" + v.name())) {
            check(c, live, objects, backfilled, s, at.table(), notValidChecks.get(table + "|" + v.name()),
                "VALIDATE CONSTRAINT " + v.name(), LockMode.SHARE_UPDATE_EXCLUSIVE);
          } else if (a instanceof AlterTableAction.AddConstraint add
              && add.constraint() instanceof TableConstraint.PrimaryKey pk) {
            for (String column : pk.columns()) {
              check(c, live, objects, backfilled, s, at.table(), column, "ADD PRIMARY KEY", LockMode.ACCESS_EXCLUSIVE);
            }
          }
        }
      }
      objects.advance(s.statement());
    }
  }

  private static void check(ScriptContext c, LiveSchema live, ScriptObjects objects, Set<String> backfilled,
      ReadStatement s, QualifiedName table, String column, String what, LockMode lock) {
    String key = StatementEffects.name(table);
    if (backfilled.contains(key + "." + column) || objects.columnAdded(key, column)) {
      return;
    }
    Double fraction = live.nullFractions().get(objects.originalName(key) + "." + column);
    if (fraction == null || fraction <= 0) {
      return;
    }
    String share = fraction >= 0.01 ? Math.round(fraction * 100) + "%" : "some";
    String col = Sql.quote(column);
    c.report(s)
        .table(table)
        .lock(lock)
        .at(column)
        .message("pg_stats estimates " + share + " of " + table + "." + column + " is NULL (null_frac " + new java.math.BigDecimal(fraction.toString()).stripTrailingZeros().toPlainString()
            + "): " + what + " reads the table under " + lock.sqlName() + " and then fails (\""
            + (what.startsWith("SET") || what.startsWith("ADD PRIMARY") ? "column " + column + " of relation "
                + table.name() + " contains null values" : "check constraint … is violated by some row")
            + "\"), rolling the migration back")
        .why("NOT NULL cannot be added while NULLs exist; pg_stats samples the table at ANALYZE, so a non-zero "
            + "null_frac means NULLs were seen (unless they were fixed since the last ANALYZE).")
        .fix("-- backfill first, in batches:\nUPDATE " + table + " SET " + col + " = <value> WHERE " + col
            + " IS NULL AND <key range>;\n-- then add NOT NULL without a long lock (see set-not-null)")
        .emit();
  }
}
