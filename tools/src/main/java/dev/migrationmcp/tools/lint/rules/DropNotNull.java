package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;

/**
 * DROP NOT NULL is instant for the database but not for its readers: code, reports and consumers
 * built on the column never being NULL break on the first NULL written.
 */
@LintRule(id = "drop-not-null", severity = Severity.INFO, category = Category.DESTRUCTIVE,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "DROP NOT NULL lets NULLs reach readers that assume there are none")
public final class DropNotNull implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.DropNotNull drop : at.actions(AlterTableAction.DropNotNull.class)) {
      String column = drop.column();
      if (c.script().columnCreatedInScript(StatementEffects.name(at.table()) + "." + column)) {
        continue;
      }
      String col = Sql.quote(column);
      c.report()
          .table(at.table())
          .at(column)
          .message("after DROP NOT NULL, " + at.table() + "." + column + " can be NULL: application code still deployed, "
              + "reports and downstream consumers that assume a value (non-nullable ORM fields, = comparisons, NOT IN) "
              + "break or silently miscount on the first NULL; the statement itself takes ACCESS EXCLUSIVE only "
              + "briefly")
          .why("Removing a guarantee is backward-incompatible for every reader, while adding it is not; readers have "
              + "to handle NULL before writers may produce it.")
          .fix("-- first make every reader of " + at.table() + "." + column + " handle NULL and deploy that, then:\n"
              + "ALTER TABLE " + at.table() + " ALTER COLUMN " + col + " DROP NOT NULL;\n"
              + "-- or keep NOT NULL and let new rows default instead: ALTER TABLE " + at.table() + " ALTER COLUMN "
              + col + " SET DEFAULT <value>;")
          .emit();
    }
  }
}
