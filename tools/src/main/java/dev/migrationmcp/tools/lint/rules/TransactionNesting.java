package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.TransactionControl;

/**
 * BEGIN inside an open transaction (an earlier BEGIN, or the transaction Flyway runs the script
 * in), or COMMIT of Flyway's transaction: PostgreSQL only warns, and the first COMMIT ends the
 * outer transaction midway, so a later failure leaves the migration half applied.
 */
@LintRule(id = "transaction-nesting", severity = Severity.WARNING, category = Category.TRANSACTION,
    lock = LockMode.NONE,
    summary = "BEGIN or COMMIT inside a transaction already open (by the script or by Flyway) breaks atomicity")
public final class TransactionNesting implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof TransactionControl tc)) {
      return;
    }
    boolean explicit = c.script().inExplicitTransaction();
    if (tc.opensTransaction() && explicit) {
      c.report()
          .message(tc.kind() + " inside the transaction already opened by BEGIN: PostgreSQL ignores it (WARNING: there "
              + "is already a transaction in progress), so the first COMMIT ends the outer transaction and later "
              + "statements run outside it")
          .why("PostgreSQL has no nested transactions; a second BEGIN does nothing, and the work the script meant to "
              + "keep atomic is split at the first COMMIT.")
          .fix("Remove this " + tc.kind() + " and its COMMIT; to undo part of a transaction use SAVEPOINT <name> and "
              + "ROLLBACK TO SAVEPOINT <name>.")
          .emit();
    } else if (!explicit && c.inTransaction() && (tc.opensTransaction() || tc.endsTransaction()
        && tc.command() != TransactionControl.Command.PREPARE_TRANSACTION)) {
      c.report()
          .message(tc.kind() + " in a script Flyway already runs in a transaction: "
              + (tc.opensTransaction() ? "PostgreSQL ignores the BEGIN with a WARNING and the COMMIT that follows commits "
                  + "Flyway's transaction" : "it commits Flyway's transaction")
              + " midway, so what ran before it is committed at once and a failure after it leaves the migration half "
              + "applied while Flyway marks it failed")
          .why("Flyway wraps each SQL migration in one transaction (unless executeInTransaction=false); the script's "
              + "own transaction control then fights with it.")
          .fix("Remove " + tc.kind() + " (and its matching " + (tc.opensTransaction() ? "COMMIT" : "BEGIN")
              + ") from the script: Flyway commits the whole migration at the end. A statement that must run outside a "
              + "transaction goes into its own migration.")
          .emit();
    }
  }
}
