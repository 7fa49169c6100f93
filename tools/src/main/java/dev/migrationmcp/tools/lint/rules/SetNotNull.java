package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.schema.ConstraintInfo;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import java.util.Locale;

/**
 * SET NOT NULL scans the whole table under ACCESS EXCLUSIVE — unless a validated
 * {@code CHECK (col IS NOT NULL)} already proves it (PostgreSQL 12+).
 */
@LintRule(id = "set-not-null", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "SET NOT NULL scans the whole table while holding ACCESS EXCLUSIVE")
public final class SetNotNull implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.SetNotNull set : at.actions(AlterTableAction.SetNotNull.class)) {
      String column = set.column();
      boolean proven = c.pgVersion() >= 12 && c.liveTable(at.table()).map(t -> t.checks().stream()
          .filter(ConstraintInfo::validated)
          .anyMatch(k -> k.definition() != null && k.definition().toLowerCase(Locale.ROOT)
              .replace("(", "").replace(")", "").contains(column.toLowerCase(Locale.ROOT) + " is not null")))
          .orElse(false);
      if (proven) {
        continue;
      }
      String col = Sql.quote(column);
      String check = Sql.quote(at.table().name() + "_" + column + "_not_null");
      c.report()
          .table(at.table())
          .at(column)
          .message("SET NOT NULL on " + at.table() + "." + column + " reads every row to check for NULLs while holding "
              + "an ACCESS EXCLUSIVE lock")
          .why("PostgreSQL must prove no row is NULL; on 12+ a validated CHECK (col IS NOT NULL) constraint is accepted "
              + "as proof, and that constraint can be validated under a weaker lock.")
          .fix("ALTER TABLE " + at.table() + " ADD CONSTRAINT " + check + " CHECK (" + col + " IS NOT NULL) NOT VALID;\n"
              + "ALTER TABLE " + at.table() + " VALIDATE CONSTRAINT " + check + ";\n"
              + "ALTER TABLE " + at.table() + " ALTER COLUMN " + col + " SET NOT NULL;\n"
              + "ALTER TABLE " + at.table() + " DROP CONSTRAINT " + check + ";")
          .emit();
    }
  }
}
