package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.TableEffect;
import java.util.HashSet;
import java.util.Set;

/**
 * A statement that needs a strong lock on an existing table, with no {@code SET lock_timeout}
 * before it: while it waits for the lock, every later query on the table queues behind it.
 * Reported once per script, on the first such statement.
 */
@LintRule(id = "missing-lock-timeout", severity = Severity.WARNING, category = Category.TRANSACTION,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "a strong lock is requested without SET lock_timeout, so a wait for it stalls all traffic on the table")
public final class MissingLockTimeout implements Rule {
  private final Set<Integer> reportedScripts = new HashSet<>();

  @Override
  public void check(RuleContext c) {
    if (c.script().lockTimeoutSet()) {
      return;
    }
    for (TableEffect effect : c.effects()) {
      if (effect.lock().compareTo(LockMode.SHARE) < 0 || c.script().createdInScript(effect.table())) {
        continue;
      }
      if (!reportedScripts.add(System.identityHashCode(c.script()))) {
        return;
      }
      c.report()
          .table(effect.table())
          .lock(effect.lock())
          .message("this statement waits for " + effect.lock().sqlName() + " on " + effect.table()
              + " with no lock_timeout: if a long transaction holds the table, this migration waits and every query "
              + "on " + effect.table() + " queues behind it")
          .why("Lock requests queue in order: a waiting ACCESS EXCLUSIVE request blocks even plain SELECTs that arrive "
              + "after it. A lock_timeout makes the migration fail fast instead, to be retried.")
          .fix("SET lock_timeout = '5s';  -- at the top of the migration")
          .emit();
      return;
    }
  }
}
