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
import java.util.List;

/**
 * ADD CONSTRAINT … UNIQUE (or ADD COLUMN … UNIQUE) builds its unique index while holding ACCESS
 * EXCLUSIVE on the table. The online path builds the index CONCURRENTLY and attaches it with
 * {@code UNIQUE USING INDEX}.
 */
@LintRule(id = "add-unique-constraint", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "ADD UNIQUE builds its index under ACCESS EXCLUSIVE; build it CONCURRENTLY and add it USING INDEX")
public final class AddUniqueConstraint implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction action : at.actions()) {
      TableConstraint.Unique unique = null;
      String column = null;
      if (action instanceof AlterTableAction.AddConstraint add && add.constraint() instanceof TableConstraint.Unique u) {
        unique = u;
      } else if (action instanceof AlterTableAction.AddColumn add) {
        unique = add.column().constraints().stream().filter(k -> k instanceof TableConstraint.Unique)
            .map(k -> (TableConstraint.Unique) k).findFirst().orElse(null);
        column = add.column().name();
      }
      if (unique == null || unique.usingIndex() != null) {
        continue;
      }
      List<String> columns = unique.columns().isEmpty() && column != null ? List.of(column) : unique.columns();
      String fix = UniqueIndexPath.sql(at.table(), "UNIQUE", unique.name(), columns, unique.include(),
          unique.nullsNotDistinct(), unique.deferrable());
      if (column != null) {
        fix = "-- add " + Sql.quote(column) + " without UNIQUE first, then:\n" + fix;
      }
      c.report()
          .table(at.table())
          .at("UNIQUE")
          .message("adding a UNIQUE constraint on " + at.table() + " (" + String.join(", ", columns) + ") builds its "
              + "index while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build")
          .why("ADD CONSTRAINT … UNIQUE reads every row to build the index in one pass under the lock. CREATE UNIQUE "
              + "INDEX CONCURRENTLY builds it while writes go on, and ADD CONSTRAINT … UNIQUE USING INDEX then only "
              + "needs the lock for a moment.")
          .fix(fix)
          .emit();
    }
  }
}
