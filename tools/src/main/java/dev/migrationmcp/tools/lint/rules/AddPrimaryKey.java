package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.schema.ColumnInfo;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.List;
import java.util.Optional;

/**
 * ADD PRIMARY KEY builds its unique index (and sets NOT NULL on the key columns) while holding
 * ACCESS EXCLUSIVE on the table. The online path: make the columns NOT NULL without a scan under
 * the lock, build the index CONCURRENTLY, then {@code PRIMARY KEY USING INDEX}.
 */
@LintRule(id = "add-primary-key", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "ADD PRIMARY KEY builds its index under ACCESS EXCLUSIVE; build it CONCURRENTLY and add it USING INDEX")
public final class AddPrimaryKey implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction action : at.actions()) {
      TableConstraint.PrimaryKey pk = null;
      String column = null;
      if (action instanceof AlterTableAction.AddConstraint add
          && add.constraint() instanceof TableConstraint.PrimaryKey p) {
        pk = p;
      } else if (action instanceof AlterTableAction.AddColumn add) {
        pk = add.column().constraints().stream().filter(k -> k instanceof TableConstraint.PrimaryKey)
            .map(k -> (TableConstraint.PrimaryKey) k).findFirst().orElse(null);
        column = add.column().name();
      }
      if (pk == null || pk.usingIndex() != null) {
        continue;
      }
      List<String> columns = pk.columns().isEmpty() && column != null ? List.of(column) : pk.columns();
      StringBuilder fix = new StringBuilder();
      if (column != null) {
        fix.append("-- add ").append(Sql.quote(column)).append(" without PRIMARY KEY first (and backfill it), then:\n");
      }
      Optional<TableInfo> live = c.liveTable(at.table());
      for (String key : columns) {
        boolean notNull = live.map(t -> t.column(key)).map(ColumnInfo::nullable).map(n -> !n).orElse(false);
        if (!notNull) {
          fix.append(notNullSteps(at.table(), key, c.pgVersion()));
        }
      }
      fix.append(UniqueIndexPath.sql(at.table(), "PRIMARY KEY", pk.name(), columns, pk.include(), false,
          pk.deferrable()));
      c.report()
          .table(at.table())
          .at("PRIMARY")
          .message("adding a primary key on " + at.table() + " (" + String.join(", ", columns) + ") builds its index, "
              + "and checks the key columns for NULLs, while holding an ACCESS EXCLUSIVE lock: reads and writes wait "
              + "for the whole build")
          .why("ADD PRIMARY KEY reads every row under the lock, to set NOT NULL and to build the unique index. Built "
              + "CONCURRENTLY first, the index is attached by PRIMARY KEY USING INDEX in a moment — if the columns are "
              + "already NOT NULL.")
          .fix(fix.toString())
          .emit();
    }
  }

  /** Makes a column NOT NULL without a long ACCESS EXCLUSIVE scan (PostgreSQL 12+ trusts a validated CHECK). */
  static String notNullSteps(QualifiedName table, String column, int pgVersion) {
    String col = Sql.quote(column);
    String check = Sql.quote(table.name() + "_" + column + "_not_null");
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + col + " IS NOT NULL) NOT VALID;\n"
        + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + ";\n"
        + "ALTER TABLE " + table + " ALTER COLUMN " + col + " SET NOT NULL;"
        + (pgVersion >= 12 ? "  -- no scan: the validated check proves it\n" : "  -- before PostgreSQL 12 this still scans\n");
  }
}
