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

/**
 * ADD CONSTRAINT … EXCLUDE builds its index and checks every row under ACCESS EXCLUSIVE, and has
 * no online form: it cannot be added NOT VALID nor attached from an index built CONCURRENTLY.
 */
@LintRule(id = "add-exclusion-constraint", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "ADD EXCLUDE builds its index under ACCESS EXCLUSIVE and has no NOT VALID or CONCURRENTLY form")
public final class AddExclusionConstraint implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.AddConstraint add : at.actions(AlterTableAction.AddConstraint.class)) {
      if (!(add.constraint() instanceof TableConstraint.Exclude exclude)) {
        continue;
      }
      String name = exclude.name() == null ? Sql.quote(at.table().name() + "_excl") : Sql.quote(exclude.name());
      String definition = "EXCLUDE USING " + (exclude.method() == null ? "btree" : exclude.method()) + " ("
          + exclude.elements() + ")" + (exclude.where() == null ? "" : " WHERE (" + exclude.where() + ")");
      c.report()
          .table(at.table())
          .at("EXCLUDE")
          .message("adding an exclusion constraint to " + at.table() + " builds its index and compares every existing "
              + "row while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build")
          .why("Exclusion constraints cannot be added NOT VALID or USING INDEX, so there is no way to build them "
              + "under a weaker lock; on a table of any size this needs a maintenance window.")
          .fix("SET lock_timeout = '5s';\nSET statement_timeout = '<the longest blocking you accept>';\n"
              + "ALTER TABLE " + at.table() + " ADD CONSTRAINT " + name + " " + definition + ";\n"
              + "-- in a maintenance window; or add it to a new, empty table and move the rows there in batches")
          .emit();
    }
  }
}
