package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.QualifiedName;

/**
 * ALTER TABLE … RENAME TO breaks every deployed query that names the table under its old name.
 * Expand and contract instead: rename and leave a view under the old name, or rename in two
 * deploys. Tables created earlier in the same script are not reported.
 */
@LintRule(id = "rename-table", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "renaming a table breaks code that still uses the old name")
public final class RenameTable implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.RenameTable rename : at.actions(AlterTableAction.RenameTable.class)) {
      QualifiedName renamed = new QualifiedName(at.table().schema(), rename.newName());
      c.report()
          .table(at.table())
          .at("RENAME")
          .message("renaming " + at.table() + " to " + Sql.quote(rename.newName()) + " breaks every query of the "
              + "application version still deployed that names " + at.table() + "; the rename itself waits for an "
              + "ACCESS EXCLUSIVE lock")
          .why("The old name stops resolving at commit, while the previous application version keeps running until "
              + "the deploy finishes.")
          .fix("ALTER TABLE " + at.table() + " RENAME TO " + Sql.quote(rename.newName()) + ";\nCREATE VIEW "
              + at.table() + " AS SELECT * FROM " + renamed + ";  -- old readers and simple writers keep working "
              + "through the view\n-- switch the application to " + renamed + ", deploy, then in a later migration: "
              + "DROP VIEW " + at.table() + ";")
          .emit();
    }
  }
}
