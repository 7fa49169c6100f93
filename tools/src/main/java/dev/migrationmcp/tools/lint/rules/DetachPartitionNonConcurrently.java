package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;

/**
 * DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table: every
 * query on any partition waits. PostgreSQL 14 added DETACH PARTITION … CONCURRENTLY, which only
 * takes SHARE UPDATE EXCLUSIVE on the parent.
 */
@LintRule(id = "detach-partition-non-concurrently", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "DETACH PARTITION without CONCURRENTLY (PostgreSQL 14+) blocks all queries on the partitioned table")
public final class DetachPartitionNonConcurrently implements Rule {
  @Override
  public void check(RuleContext c) {
    if (c.pgVersion() < 14 || !(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.DetachPartition detach : at.actions(AlterTableAction.DetachPartition.class)) {
      if (detach.concurrently() || detach.finalizing()) {
        continue;
      }
      c.report()
          .table(at.table())
          .at("DETACH")
          .message("DETACH PARTITION " + detach.partition() + " takes an ACCESS EXCLUSIVE lock on " + at.table()
              + ": every read and write of the partitioned table, on any partition, waits for it — and it waits "
              + "behind every running query on the table")
          .why("Since PostgreSQL 14, DETACH PARTITION … CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE on the parent "
              + "and waits for running queries in two steps instead of blocking new ones.")
          .fix("ALTER TABLE " + at.table() + " DETACH PARTITION " + detach.partition()
              + " CONCURRENTLY;  -- its own migration, outside a transaction; not possible while " + at.table()
              + " has a DEFAULT partition\n-- if it is interrupted: ALTER TABLE " + at.table() + " DETACH PARTITION "
              + detach.partition() + " FINALIZE;")
          .emit();
    }
  }
}
