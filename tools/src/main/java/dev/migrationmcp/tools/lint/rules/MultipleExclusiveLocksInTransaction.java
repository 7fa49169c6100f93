package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.TableEffect;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A transaction that already holds ACCESS EXCLUSIVE on one existing table and takes it on another:
 * both stay blocked until commit, and a transaction locking them in the other order deadlocks.
 */
@LintRule(id = "multiple-exclusive-locks-in-transaction", severity = Severity.WARNING,
    category = Category.TRANSACTION, lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "one transaction takes ACCESS EXCLUSIVE on several existing tables: long blocking and deadlock risk")
public final class MultipleExclusiveLocksInTransaction implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!c.inTransaction()) {
      return;
    }
    Map<String, Integer> held = new TreeMap<>(c.script().strongLocksHeld());
    if (held.isEmpty()) {
      return;
    }
    for (TableEffect effect : c.effects()) {
      if (effect.lock() != LockMode.ACCESS_EXCLUSIVE || c.script().createdInScript(effect.table())
          || held.containsKey(effect.table())) {
        continue;
      }
      String earlier = held.entrySet().stream().map(e -> e.getKey() + " (line " + e.getValue() + ")")
          .collect(Collectors.joining(", "));
      String all = String.join(", ", held.keySet()) + ", " + effect.table();
      c.report()
          .table(effect.table())
          .message("this transaction already holds ACCESS EXCLUSIVE on " + earlier + " and now takes it on "
              + effect.table() + " too: reads and writes of all of them wait until commit, and a transaction that "
              + "locks them in the other order deadlocks with this one")
          .why("Locks are kept until the transaction ends, so every table locked early stays blocked while the later "
              + "statements wait for their own locks; two transactions waiting for each other's tables deadlock.")
          .fix("-- move the statement on " + effect.table() + " into its own migration (one transaction per table), or "
              + "take all the locks first, in one fixed order:\nSET lock_timeout = '5s';\nLOCK TABLE " + all
              + " IN ACCESS EXCLUSIVE MODE;")
          .emit();
      return;
    }
  }
}
