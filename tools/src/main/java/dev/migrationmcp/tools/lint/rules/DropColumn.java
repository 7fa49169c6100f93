package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;

/** DROP COLUMN breaks deployed code that selects or inserts it, and its data is gone. */
@LintRule(id = "drop-column", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "DROP COLUMN deletes data and breaks code that still uses the column")
public final class DropColumn implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.DropColumn drop : at.actions(AlterTableAction.DropColumn.class)) {
      if (c.script().columnCreatedInScript(dev.migrationmcp.tools.lint.StatementEffects.name(at.table()) + "." + drop.column())) {
        continue;
      }
      c.report()
          .table(at.table())
          .at(drop.column())
          .message("dropping " + at.table() + "." + drop.column() + " deletes its data; application code still "
              + "deployed that selects or inserts it fails (SELECT * readers and ORMs with a cached column list too)")
          .why("The column disappears at commit while old application versions keep running until the deploy ends.")
          .fix("Expand and contract: stop reading and writing " + drop.column() + " in the application (for ORMs, mark "
              + "it ignored) and deploy; then drop it in a later migration.")
          .emit();
    }
  }
}
