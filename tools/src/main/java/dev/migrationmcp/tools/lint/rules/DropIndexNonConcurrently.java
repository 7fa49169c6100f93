package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.DropIndex;

/** DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table. */
@LintRule(id = "drop-index-non-concurrently", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "DROP INDEX without CONCURRENTLY blocks reads and writes of the table")
public final class DropIndexNonConcurrently implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof DropIndex drop) || drop.concurrently()) {
      return;
    }
    if (drop.names().stream().allMatch(n -> c.script().indexCreatedInScript(n.schemaOr("public") + "." + n.name()))) {
      return;
    }
    String fixed = c.text().replaceFirst("(?i)\\bINDEX\\b", "INDEX CONCURRENTLY");
    c.report()
        .at("INDEX")
        .message("DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: every query on it waits, and waits behind "
            + "any long-running transaction that uses it")
        .why("A plain DROP INDEX locks the parent table exclusively; DROP INDEX CONCURRENTLY waits for conflicting "
            + "transactions instead of blocking them.")
        .fix(drop.names().size() == 1 ? fixed + ";  -- outside a transaction"
            : "Drop the indexes one per statement with DROP INDEX CONCURRENTLY, outside a transaction.")
        .emit();
  }
}
