package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.ScriptState;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.CreateSchema;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.HashSet;
import java.util.Set;

/**
 * DROP SCHEMA deletes every object in the schema (with CASCADE) or fails as soon as it holds one;
 * DROP DATABASE deletes a whole database and cannot run inside a transaction. Neither belongs in
 * an ordinary migration. A schema created earlier in the same script is not reported.
 */
@LintRule(id = "drop-schema-or-database", severity = Severity.ERROR, category = Category.DESTRUCTIVE,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "DROP SCHEMA or DROP DATABASE deletes every object and row in it")
public final class DropSchemaOrDatabase implements Rule {
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
    if (!(c.model() instanceof DropObject drop)) {
      return;
    }
    if (drop.type() == ObjectType.SCHEMA) {
      for (QualifiedName schema : drop.names()) {
        if (createdSchemas.contains(schema.name())) {
          continue;
        }
        String name = Sql.quote(schema.name());
        c.report()
            .at(Clauses.at(c.text(), schema.name()))
            .message("DROP SCHEMA " + name + (drop.cascade()
                ? " CASCADE deletes every table, view, function and type in it, with all their rows, and takes an "
                    + "ACCESS EXCLUSIVE lock on each table it drops"
                : " fails unless the schema is empty; once it succeeds, code still using " + name + " breaks"))
            .why("A dropped schema takes its objects and data with it; no down migration brings the rows back, and "
                + "application versions still deployed fail on every query that names it.")
            .fix("Move what is still needed out first (ALTER TABLE " + name + ".<table> SET SCHEMA <other>), stop "
                + "using " + name + " in the application and deploy; then, in a later migration:\nDROP SCHEMA IF "
                + "EXISTS " + name + " RESTRICT;  -- fails instead of silently deleting anything left in it")
            .emit();
      }
    } else if (drop.type() == ObjectType.DATABASE) {
      for (QualifiedName database : drop.names()) {
        String name = Sql.quote(database.name());
        c.report()
            .at(Clauses.at(c.text(), database.name()))
            .message("DROP DATABASE " + name + " deletes the whole database with all its data; it fails if anyone "
                + "is connected (WITH (FORCE) disconnects them) and cannot run inside a transaction")
            .why("A migration runs against one database; dropping a database is an operations task, not a schema "
                + "change, and it cannot be rolled back.")
            .fix("Remove it from the migration and drop the database by hand after a backup: pg_dump -Fc " + name
                + " > " + database.name() + ".dump, then dropdb " + name + ".")
            .emit();
      }
    }
  }
}
