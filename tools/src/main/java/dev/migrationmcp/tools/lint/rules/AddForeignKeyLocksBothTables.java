package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.TableConstraint;

/** A new foreign key locks the referenced table too (SHARE ROW EXCLUSIVE), not just the one altered. */
@LintRule(id = "add-foreign-key-locks-both-tables", severity = Severity.INFO, category = Category.LOCKING,
    lock = LockMode.SHARE_ROW_EXCLUSIVE,
    summary = "adding a foreign key blocks writes to the referenced table as well")
public final class AddForeignKeyLocksBothTables implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at)) {
      return;
    }
    for (AlterTableAction action : at.actions()) {
      TableConstraint.ForeignKey fk = null;
      if (action instanceof AlterTableAction.AddConstraint add && add.constraint() instanceof TableConstraint.ForeignKey f) {
        fk = f;
      } else if (action instanceof AlterTableAction.AddColumn add) {
        fk = add.column().foreignKey();
      }
      if (fk == null || c.isNewTable(fk.referencedTable())) {
        continue;
      }
      c.report()
          .table(fk.referencedTable())
          .at("REFERENCES")
          .message("the foreign key also takes SHARE ROW EXCLUSIVE on the referenced table " + fk.referencedTable()
              + ": writes to it wait until this transaction commits")
          .why("PostgreSQL adds a trigger to the referenced table, which needs SHARE ROW EXCLUSIVE on it; with NOT "
              + "VALID that lock is brief, but it still queues behind long transactions on that table.")
          .fix("SET lock_timeout = '5s';  -- before it, so a busy " + fk.referencedTable() + " makes the migration fail "
              + "fast instead of stalling everyone; add the key NOT VALID and VALIDATE it separately")
          .emit();
    }
  }
}
