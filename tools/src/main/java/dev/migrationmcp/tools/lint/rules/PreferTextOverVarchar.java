package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;

/**
 * varchar(n) in a new column: the limit rarely protects anything, and changing it later is an
 * ALTER COLUMN TYPE (a rewrite when shrinking, and before PostgreSQL 9.2 on any change). text with a
 * CHECK constraint keeps the limit changeable without a rewrite.
 */
@LintRule(id = "prefer-text-over-varchar", severity = Severity.INFO, category = Category.TYPES,
    summary = "varchar(n) in a new column; text (with a CHECK when the limit matters) is easier to change")
public final class PreferTextOverVarchar implements Rule {
  @Override
  public void check(RuleContext c) {
    for (NewColumns.NewColumn column : NewColumns.of(c.model())) {
      int n = column.type().length();
      if (column.type().schema() != null || !column.type().name().equals("character varying") || n < 0) {
        continue;
      }
      String col = Sql.quote(column.name());
      String text = "text" + "[]".repeat(column.type().arrayDimensions());
      String check = column.type().isArray() ? ""
          : "\n-- if the limit matters, make it a constraint you can change without a rewrite: CHECK (char_length("
              + col + ") <= " + n + ")";
      c.report()
          .table(column.table())
          .at(Clauses.at(c.text(), column.name()))
          .message(column.table() + "." + col + " is varchar(" + n + "): changing the limit later is an ALTER COLUMN "
              + "TYPE — lowering it rewrites " + column.table() + " under an ACCESS EXCLUSIVE lock (before PostgreSQL "
              + "9.2 raising it did too) — and the limit rarely protects anything text would not")
          .why("varchar(n) and text are stored the same way and perform the same; only the length check differs, and "
              + "a CHECK constraint can be replaced with NOT VALID and VALIDATE without blocking anyone.")
          .fix(NewColumns.fix(c.text(), column, text) + check)
          .emit();
    }
  }
}
