package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.schema.ByteSizes;
import dev.migrationmcp.tools.sql.model.QualifiedName;

/**
 * TRUNCATE deletes every row under ACCESS EXCLUSIVE, is not MVCC-safe (transactions that started
 * earlier see the table empty) and with CASCADE empties every table that references it too.
 * Tables created earlier in the same script are not reported.
 */
@LintRule(id = "truncate", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "TRUNCATE deletes every row under an ACCESS EXCLUSIVE lock")
public final class Truncate implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof dev.migrationmcp.tools.sql.model.Truncate truncate)) {
      return;
    }
    for (QualifiedName table : truncate.tables()) {
      if (c.isNewTable(table)) {
        continue;
      }
      String rows = c.liveTable(table).map(t -> " (" + ByteSizes.rows(t.rowsEstimate()) + ")").orElse("");
      c.report()
          .table(table)
          .at(Clauses.at(c.text(), table.name()))
          .message("TRUNCATE deletes every row of " + table + rows + (truncate.cascade()
              ? " and of every table with a foreign key to it" : "") + " and holds an ACCESS EXCLUSIVE lock that "
              + "blocks reads and writes until the transaction ends")
          .why("TRUNCATE is not MVCC-safe: transactions that started earlier see the table empty afterwards, and "
              + "the rows cannot be restored by a down migration.")
          .fix("CREATE TABLE " + Sql.quote(table.name() + "_archive") + " AS TABLE " + table + ";  -- if the rows "
              + "may be needed\n-- then delete in batches that keep reads and writes flowing, repeated until it "
              + "deletes 0 rows:\nDELETE FROM " + table + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + table
              + " LIMIT 10000));")
          .emit();
    }
  }
}
