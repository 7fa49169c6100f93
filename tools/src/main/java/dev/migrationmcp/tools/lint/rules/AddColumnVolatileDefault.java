package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;

/**
 * ADD COLUMN with a volatile DEFAULT (or, before PostgreSQL 11, any DEFAULT) rewrites the whole
 * table under ACCESS EXCLUSIVE.
 */
@LintRule(id = "add-column-volatile-default", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "ADD COLUMN with a volatile default (any default before PostgreSQL 11) rewrites the table")
public final class AddColumnVolatileDefault implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.AddColumn add : at.actions(AlterTableAction.AddColumn.class)) {
      ColumnDefinition column = add.column();
      if (column.defaultExpression() == null) {
        continue;
      }
      FunctionVolatility.Verdict verdict = c.volatility().classify(column.defaultExpression());
      boolean old = c.pgVersion() < 11;
      if (!verdict.isVolatile() && !old) {
        continue;
      }
      String reason = verdict.isVolatile()
          ? "its default " + column.defaultExpression() + " is volatile (" + String.join(", ", verdict.volatileFunctions())
              + "), so every existing row needs its own value"
          : "before PostgreSQL 11 any default is written into every existing row";
      String col = Sql.quote(column.name());
      c.report()
          .table(at.table())
          .at(column.defaultExpression())
          .message("adding " + column.name() + " rewrites all of " + at.table() + " under an ACCESS EXCLUSIVE lock: "
              + reason)
          .why("PostgreSQL 11+ stores a constant default in the catalog and adds the column instantly; a volatile "
              + "default must be evaluated per row, which rewrites the table while reads and writes wait.")
          .fix("ALTER TABLE " + at.table() + " ADD COLUMN " + col + " " + (column.type() == null ? "…" : column.type().sql())
              + ";\nALTER TABLE " + at.table() + " ALTER COLUMN " + col + " SET DEFAULT " + column.defaultExpression()
              + ";\n-- then backfill existing rows in batches: UPDATE " + at.table() + " SET " + col + " = "
              + column.defaultExpression() + " WHERE " + col + " IS NULL AND <key range>;")
          .emit();
    }
  }
}
