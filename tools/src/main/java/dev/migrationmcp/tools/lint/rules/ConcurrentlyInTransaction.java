package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.Reindex;
import dev.migrationmcp.tools.sql.model.Statement;

/** CONCURRENTLY inside an explicit BEGIN … COMMIT fails: it cannot run in a transaction block. */
@LintRule(id = "concurrently-in-transaction", severity = Severity.ERROR, category = Category.TRANSACTION,
    lock = LockMode.SHARE_UPDATE_EXCLUSIVE,
    summary = "CONCURRENTLY cannot run inside a transaction block")
public final class ConcurrentlyInTransaction implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!c.script().inExplicitTransaction() || !concurrently(c.model())) {
      return;
    }
    c.report()
        .at("CONCURRENTLY")
        .message(c.model().kind() + " … CONCURRENTLY inside BEGIN … COMMIT fails with \"cannot run inside a "
            + "transaction block\"")
        .why("A concurrent build commits several internal transactions of its own, so PostgreSQL refuses it inside "
            + "an explicit transaction.")
        .fix("Move it out of the BEGIN … COMMIT block, into its own migration that runs without a transaction "
            + "(Flyway: a script holding only CONCURRENTLY statements, or a <script>.sql.conf with executeInTransaction=false).")
        .emit();
  }

  static boolean concurrently(Statement s) {
    return s instanceof CreateIndex ci && ci.concurrently()
        || s instanceof DropIndex di && di.concurrently()
        || s instanceof Reindex r && r.concurrently()
        || s instanceof AlterTable at && at.actions().stream()
            .anyMatch(a -> a instanceof AlterTableAction.DetachPartition d && d.concurrently());
  }
}
