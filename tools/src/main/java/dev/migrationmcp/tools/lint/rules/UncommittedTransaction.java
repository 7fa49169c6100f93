package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.TransactionControl;
import dev.migrationmcp.tools.sql.read.ReadStatement;

/**
 * A BEGIN (or COMMIT AND CHAIN) that no COMMIT or ROLLBACK closes before the script ends: the
 * locks stay held until the session ends, and then everything is rolled back. Not reported when
 * Flyway runs the script in its own transaction: the BEGIN is then a no-op and Flyway commits.
 */
@LintRule(id = "uncommitted-transaction", severity = Severity.ERROR, category = Category.TRANSACTION,
    summary = "BEGIN without COMMIT: locks are held to the end of the session, then the work is rolled back")
public final class UncommittedTransaction implements Rule {
  @Override
  public void finish(ScriptContext c) {
    ReadStatement open = null;
    for (ReadStatement s : c.script().statements()) {
      if (s.statement() instanceof TransactionControl tc) {
        if (tc.opensTransaction() && open == null) {
          open = s;
        } else if (tc.endsTransaction()) {
          open = tc.chain() ? s : null;
        }
      }
    }
    if (open == null || c.flywayTransaction()) {
      return;  // inside Flyway's transaction BEGIN is a no-op and Flyway commits (transaction-nesting reports it)
    }
    String held = c.state().strongLocksHeld().isEmpty() ? ""
        : " (ACCESS EXCLUSIVE on " + String.join(", ", new java.util.TreeSet<>(c.state().strongLocksHeld().keySet()))
            + ")";
    c.report(open)
        .message("the transaction opened at line " + open.line() + " is never committed: every lock taken since" + held
            + " stays held until the session ends, and then all of its work is rolled back without an error")
        .why("A script that ends inside BEGIN leaves the transaction open; psql and most runners then disconnect, "
            + "which rolls it back silently, while anything that keeps the session holds its locks.")
        .fix("COMMIT;  -- at the end of the script")
        .emit();
  }
}
