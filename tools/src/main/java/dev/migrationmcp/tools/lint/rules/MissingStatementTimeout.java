package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.ScriptState;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.TableEffect;

/**
 * A statement that rewrites or reads a whole existing table while holding its lock, with no
 * {@code SET statement_timeout} before it: nothing bounds how long the table stays blocked.
 * Reported once per script, on the first such statement. Concurrent builds (SHARE UPDATE
 * EXCLUSIVE) are left out: they block nobody, and a timeout would leave an invalid index behind.
 */
@LintRule(id = "missing-statement-timeout", severity = Severity.WARNING, category = Category.TRANSACTION,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "a rewrite or full scan under a lock runs without SET statement_timeout, so nothing bounds the blocking")
public final class MissingStatementTimeout implements Rule {
  private ScriptState reported;

  @Override
  public void check(RuleContext c) {
    if (c.script().statementTimeoutSet() || c.script() == reported) {
      return;
    }
    for (TableEffect effect : c.effects()) {
      if (!(effect.rewrite() || effect.scan()) || effect.lock() == LockMode.SHARE_UPDATE_EXCLUSIVE
          || effect.lock() == LockMode.NONE || c.script().createdInScript(effect.table())) {
        continue;
      }
      reported = c.script();
      String what = effect.rewrite() ? "rewrites" : "reads every row of";
      c.report()
          .table(effect.table())
          .lock(effect.lock())
          .message("this statement " + what + " " + effect.table() + " while holding " + effect.lock().sqlName()
              + " (which blocks " + effect.lock().blocks() + ") and no statement_timeout is set: if it takes longer "
              + "than planned, nothing stops it and " + effect.table() + " stays blocked")
          .why("How long a rewrite or scan takes depends on the table's real size, bloat and I/O, which a migration "
              + "author rarely knows; a statement_timeout turns an open-ended outage into a failed, retryable "
              + "migration.")
          .fix("SET statement_timeout = '5min';  -- at the top of the migration: the longest you accept "
              + effect.table() + " to be blocked")
          .emit();
      return;
    }
  }
}
