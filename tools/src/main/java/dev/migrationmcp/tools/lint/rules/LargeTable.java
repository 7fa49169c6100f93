package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LiveSchema;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.TableEffect;
import dev.migrationmcp.tools.lint.Thresholds;
import dev.migrationmcp.tools.schema.TableInfo;
import java.util.Optional;

/**
 * A rewrite or full scan under a lock that blocks writes, on a table the live database says is
 * large: minutes of blocked traffic, not milliseconds. (The engine also escalates every locking
 * finding on such a table to an error.)
 */
@LintRule(id = "large-table", severity = Severity.ERROR, category = Category.SCHEMA, lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "a rewrite or full scan under a blocking lock on a table over the size thresholds")
public final class LargeTable implements Rule {
  @Override
  public void check(RuleContext c) {
    if (c.live().isEmpty() || !c.live().get().measured()) {
      return;
    }
    Thresholds thresholds = c.settings().thresholds();
    for (TableEffect effect : c.effects()) {
      if (!(effect.rewrite() || effect.scan()) || !effect.lock().blocksWrites()
          || c.script().createdInScript(effect.table())) {
        continue;
      }
      Optional<TableInfo> table = c.live().get().table(effect.table());
      if (table.isEmpty() || !thresholds.isLarge(table.get().rowsEstimate(), table.get().totalBytes())) {
        continue;
      }
      String what = effect.rewrite() ? "rewrites" : "reads every row of";
      c.report()
          .table(effect.table())
          .lock(effect.lock())
          .message(c.model().kind() + " " + what + " " + LiveSchema.evidence(table.get()) + " while holding "
              + effect.lock().sqlName() + ", which blocks " + effect.lock().blocks())
          .why("On a table this size the lock is held for as long as the rewrite or scan takes — typically minutes.")
          .fix("Use the non-blocking form the other findings on this statement suggest, or run it in a maintenance "
              + "window; dry_run on a copy measures how long it takes.")
          .emit();
    }
  }
}
