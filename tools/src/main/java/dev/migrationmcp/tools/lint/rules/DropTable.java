package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;

/** DROP TABLE loses data for good and breaks every reader still deployed. */
@LintRule(id = "drop-table", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "DROP TABLE deletes data and breaks code that still uses the table")
public final class DropTable implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof DropObject drop) || drop.type() != ObjectType.TABLE) {
      return;
    }
    for (QualifiedName table : drop.names()) {
      if (c.isNewTable(table)) {
        continue;
      }
      String evidence = c.liveTable(table).map(t -> " (" + dev.migrationmcp.tools.schema.ByteSizes.rows(t.rowsEstimate())
          + ")").orElse("");
      c.report()
          .table(table)
          .at(table.name())
          .message("DROP TABLE " + table + " deletes its data" + evidence + " for good; application code still "
              + "deployed that reads or writes it starts failing")
          .why("Dropping is not reversible by a down migration: the rows are gone. Old application versions run "
              + "until the deploy finishes.")
          .fix("Stop using " + table + " in the application first and deploy that; keep a backup (CREATE TABLE "
              + table.name() + "_archive AS TABLE " + table + "); drop it in a later migration.")
          .emit();
    }
  }
}
