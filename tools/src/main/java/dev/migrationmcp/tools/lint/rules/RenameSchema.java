package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.ScriptState;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterSchema;
import dev.migrationmcp.tools.sql.model.CreateSchema;
import java.util.HashSet;
import java.util.Set;

/**
 * ALTER SCHEMA … RENAME TO breaks every deployed query, search_path setting and grant script that
 * names the old schema. A schema created earlier in the same script is not reported.
 */
@LintRule(id = "rename-schema", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    summary = "renaming a schema breaks code and settings that still use the old name")
public final class RenameSchema implements Rule {
  private final Set<String> createdSchemas = new HashSet<>();
  private ScriptState seen;

  @Override
  public void check(RuleContext c) {
    if (seen != c.script()) {
      seen = c.script();
      createdSchemas.clear();
    }
    if (c.model() instanceof CreateSchema cs) {
      createdSchemas.add(cs.name());
      return;
    }
    if (!(c.model() instanceof AlterSchema as) || as.action() != AlterSchema.Action.RENAME
        || createdSchemas.contains(as.name())) {
      return;
    }
    String from = Sql.quote(as.name());
    String to = Sql.quote(as.target());
    c.report()
        .at("RENAME")
        .message("renaming schema " + from + " to " + to + " breaks every query that names " + from + ".<object>, "
            + "every search_path that lists it and every function whose body refers to it, in all application "
            + "versions still deployed")
        .why("Every object moves to the new name at once at commit; nothing is left under the old name for code "
            + "that has not been redeployed.")
        .fix("-- expand: create the new schema and move objects one at a time, leaving views behind\n"
            + "CREATE SCHEMA " + to + ";\n"
            + "ALTER TABLE " + from + ".<table> SET SCHEMA " + to + ";\n"
            + "CREATE VIEW " + from + ".<table> AS SELECT * FROM " + to + ".<table>;\n"
            + "-- switch the application (and search_path) to " + to + ", deploy, then in a later migration:\n"
            + "DROP SCHEMA " + from + " CASCADE;  -- only the compatibility views are left in it")
        .emit();
  }
}
