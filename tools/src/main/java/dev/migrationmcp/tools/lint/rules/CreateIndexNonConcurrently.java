package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.CreateIndex;

/** CREATE INDEX without CONCURRENTLY on a table that already exists blocks every write while it builds. */
@LintRule(id = "create-index-non-concurrently", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.SHARE, summary = "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds")
public final class CreateIndexNonConcurrently implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof CreateIndex index) || index.concurrently() || c.isNewTable(index.table())) {
      return;
    }
    String fixed = c.text().replaceFirst("(?i)\\bINDEX\\b", "INDEX CONCURRENTLY");
    c.report()
        .table(index.table())
        .at("INDEX")
        .message("CREATE INDEX on " + index.table() + " takes a SHARE lock: INSERT, UPDATE and DELETE wait until the "
            + "whole index is built")
        .why("Without CONCURRENTLY PostgreSQL builds the index in one pass under a SHARE lock; CONCURRENTLY builds it "
            + "in two passes under SHARE UPDATE EXCLUSIVE, which lets writes continue.")
        .fix(fixed + ";  -- in a migration of its own: Flyway runs a script of CONCURRENTLY statements outside a transaction")
        .emit();
  }
}
