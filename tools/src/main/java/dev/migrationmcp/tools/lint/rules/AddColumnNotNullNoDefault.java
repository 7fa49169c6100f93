package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;

/** ADD COLUMN … NOT NULL without a DEFAULT fails on any table that has rows. */
@LintRule(id = "add-column-not-null-no-default", severity = Severity.ERROR, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "ADD COLUMN NOT NULL without a default fails when the table has rows")
public final class AddColumnNotNullNoDefault implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.AddColumn add : at.actions(AlterTableAction.AddColumn.class)) {
      ColumnDefinition column = add.column();
      if (!column.notNull() || column.hasDefault() || column.generated() != null
          || column.type() != null && column.type().serial()) {
        continue;
      }
      String col = Sql.quote(column.name());
      String type = column.type() == null ? "…" : column.type().sql();
      c.report()
          .table(at.table())
          .at(column.name())
          .message("ADD COLUMN " + column.name() + " NOT NULL without a default fails with \"column contains null "
              + "values\" as soon as " + at.table() + " has a row")
          .why("Existing rows get NULL in a new column unless a default is given, which violates NOT NULL.")
          .fix("ALTER TABLE " + at.table() + " ADD COLUMN " + col + " " + type + " NOT NULL DEFAULT <constant>;\n"
              + "-- or: add it nullable, backfill in batches, then add CHECK (" + col + " IS NOT NULL) NOT VALID, "
              + "VALIDATE it and SET NOT NULL")
          .emit();
    }
  }
}
