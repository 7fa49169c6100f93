package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.schema.IndexInfo;
import dev.migrationmcp.tools.sql.model.Cluster;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Vacuum;
import java.util.List;
import java.util.stream.Collectors;

/**
 * VACUUM FULL and CLUSTER write a new copy of the table and its indexes while holding ACCESS
 * EXCLUSIVE: nothing can read or write the table until the copy is done.
 */
@LintRule(id = "vacuum-full-or-cluster", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE")
public final class VacuumFullOrCluster implements Rule {
  @Override
  public void check(RuleContext c) {
    if (c.model() instanceof Vacuum v && v.full()) {
      List<QualifiedName> tables = v.tables().stream().filter(t -> !c.isNewTable(t)).toList();
      if (!v.tables().isEmpty() && tables.isEmpty()) {
        return;
      }
      String which = tables.isEmpty() ? "every table of the database"
          : tables.stream().map(QualifiedName::sql).collect(Collectors.joining(", "));
      String options = v.options().stream().filter(o -> !o.equals("FULL")).collect(Collectors.joining(", "));
      String plain = "VACUUM " + (options.isEmpty() ? "" : "(" + options + ") ")
          + tables.stream().map(QualifiedName::sql).collect(Collectors.joining(", "));
      c.report()
          .table(tables.size() == 1 ? tables.get(0) : null)
          .at("FULL")
          .message("VACUUM FULL rewrites " + which + (tables.size() == 1 ? " into a new file" : ", each into a new file")
              + " while holding an ACCESS EXCLUSIVE lock: every "
              + "read and write waits until the copy is done, and it needs room for a second copy on disk")
          .why("Plain VACUUM marks dead rows reusable without blocking anyone; only VACUUM FULL returns space to the "
              + "operating system, by copying the table under the strongest lock.")
          .fix(plain.strip() + ";  -- makes dead space reusable without blocking\n"
              + "-- to give disk space back online, use the pg_repack extension instead: pg_repack --no-order "
              + tables.stream().map(t -> "--table=" + StatementEffects.name(t)).collect(Collectors.joining(" ")))
          .emit();
    } else if (c.model() instanceof Cluster cl && (cl.table() == null || !c.isNewTable(cl.table()))) {
      String which = cl.table() == null ? "every table clustered before" : cl.table().sql();
      String orderBy = cl.table() == null || cl.index() == null ? "<the index's columns>"
          : c.liveTable(cl.table()).flatMap(t -> t.indexes().stream().filter(i -> i.name().equals(cl.index()))
              .findFirst()).map(IndexInfo::columns).map(cols -> String.join(",", cols))
              .orElse("<the columns of " + cl.index() + ">");
      c.report()
          .table(cl.table())
          .at("CLUSTER")
          .message("CLUSTER rewrites " + which + " in index order while holding an ACCESS EXCLUSIVE lock: every read "
              + "and write waits until the copy is done")
          .why("CLUSTER copies the table and rebuilds all its indexes under the strongest lock; the order is not kept "
              + "for later writes anyway.")
          .fix("-- reorder online with the pg_repack extension instead:\n-- pg_repack "
              + (cl.table() == null ? "--table=<table>" : "--table=" + StatementEffects.name(cl.table()))
              + " --order-by=" + orderBy)
          .emit();
    }
  }
}
