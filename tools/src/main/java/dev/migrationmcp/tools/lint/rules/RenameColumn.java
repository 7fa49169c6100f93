package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.schema.ColumnInfo;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;

/**
 * RENAME COLUMN breaks every deployed query that names the column. Expand and contract instead:
 * add the new column, keep both in sync, backfill, switch readers, drop the old one. Columns of
 * tables created, or added, earlier in the same script are not reported.
 */
@LintRule(id = "rename-column", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "renaming a column breaks code that still uses the old name")
public final class RenameColumn implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    String table = StatementEffects.name(at.table());
    for (AlterTableAction.RenameColumn rename : at.actions(AlterTableAction.RenameColumn.class)) {
      if (c.script().columnCreatedInScript(table + "." + rename.from())) {
        continue;
      }
      String from = Sql.quote(rename.from());
      String to = Sql.quote(rename.to());
      String type = c.liveTable(at.table()).map(t -> t.column(rename.from())).map(ColumnInfo::type)
          .orElse("<type of " + rename.from() + ">");
      String base = at.table().name() + "_sync_" + rename.to();
      String trigger = Sql.quote(base.length() <= 63 ? base : base.substring(0, 63));
      String execute = c.pgVersion() >= 11 ? "FUNCTION " : "PROCEDURE ";
      c.report()
          .table(at.table())
          .at(Clauses.at(c.text(), rename.from()))
          .message("renaming " + at.table() + "." + from + " to " + to + " breaks every query of the application "
              + "version still deployed that selects, inserts or filters on " + from + "; the rename waits for an "
              + "ACCESS EXCLUSIVE lock")
          .why("The old name stops resolving at commit; old and new application versions run side by side during "
              + "a deploy, and only one of them can find the column.")
          .fix("-- expand: add the new column and keep it in sync while old code still writes " + from + "\n"
              + "ALTER TABLE " + at.table() + " ADD COLUMN " + to + " " + type + ";\n"
              + "CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW." + to
              + " := NEW." + from + "; RETURN NEW; END $$;\n"
              + "CREATE TRIGGER " + trigger + " BEFORE INSERT OR UPDATE ON " + at.table() + " FOR EACH ROW EXECUTE "
              + execute + trigger + "();\n"
              + "-- backfill in batches: UPDATE " + at.table() + " SET " + to + " = " + from + " WHERE id BETWEEN "
              + ":from AND :to;\n"
              + "-- switch readers and writers to " + to + " and deploy; contract in a later migration:\n"
              + "DROP TRIGGER " + trigger + " ON " + at.table() + ";\n"
              + "DROP FUNCTION " + trigger + "();\n"
              + "ALTER TABLE " + at.table() + " DROP COLUMN " + from + ";")
          .emit();
    }
  }
}
