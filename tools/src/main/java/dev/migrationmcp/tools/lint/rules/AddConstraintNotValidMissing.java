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

/** ADD CONSTRAINT CHECK / FOREIGN KEY without NOT VALID validates every row under a strong lock. */
@LintRule(id = "add-constraint-not-valid-missing", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "ADD CONSTRAINT CHECK or FOREIGN KEY without NOT VALID scans the table under a strong lock")
public final class AddConstraintNotValidMissing implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.AddConstraint add : at.actions(AlterTableAction.AddConstraint.class)) {
      TableConstraint constraint = add.constraint();
      if (add.notValid() || !(constraint instanceof TableConstraint.Check || constraint instanceof TableConstraint.ForeignKey)) {
        continue;
      }
      boolean fk = constraint instanceof TableConstraint.ForeignKey;
      String name = constraint.name() == null ? "<name>" : Sql.quote(constraint.name());
      String definition = Sql.oneLine(c.text().replaceFirst("(?is)^.*?\\bADD\\s+", "ADD "));
      c.report()
          .table(at.table())
          .lock(fk ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE)
          .at(fk ? "FOREIGN" : "CHECK")
          .message("adding " + (fk ? "a foreign key" : "a CHECK constraint") + " to " + at.table() + " checks every "
              + "existing row while holding " + (fk ? "SHARE ROW EXCLUSIVE (writes blocked)" : "ACCESS EXCLUSIVE "
              + "(reads and writes blocked)"))
          .why("With NOT VALID the constraint is added instantly and enforced for new rows; VALIDATE CONSTRAINT then "
              + "checks old rows under SHARE UPDATE EXCLUSIVE, which does not block reads or writes.")
          .fix("ALTER TABLE " + at.table() + " " + definition + (definition.toUpperCase().contains("NOT VALID") ? "" : " NOT VALID")
              + ";\nALTER TABLE " + at.table() + " VALIDATE CONSTRAINT " + name + ";  -- in a separate transaction")
          .emit();
    }
  }
}
