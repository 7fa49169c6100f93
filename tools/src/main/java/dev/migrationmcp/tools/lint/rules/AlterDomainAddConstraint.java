package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.sql.model.AlterDomain;
import dev.migrationmcp.tools.sql.model.CreateDomain;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.HashSet;
import java.util.Set;

/**
 * ALTER DOMAIN … ADD CONSTRAINT without NOT VALID checks every value of the domain in every table
 * that uses it, holding a SHARE lock on each of those tables: their writes wait.
 */
@LintRule(id = "alter-domain-add-constraint", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.SHARE,
    summary = "ALTER DOMAIN ADD CONSTRAINT without NOT VALID checks every table using the domain, blocking writes")
public final class AlterDomainAddConstraint implements Rule {
  @Override
  public void finish(ScriptContext c) {
    Set<String> created = new HashSet<>();
    for (ReadStatement s : c.script().statements()) {
      if (s.statement() instanceof CreateDomain d) {
        created.add(StatementEffects.name(d.name()));
      } else if (s.statement() instanceof AlterDomain d && d.action() instanceof AlterDomain.AddConstraint add
          && !add.notValid() && add.constraint() instanceof TableConstraint.Check check
          && !created.contains(StatementEffects.name(d.name()))) {
        String name = check.name() == null ? Sql.quote(d.name().name() + "_check") : Sql.quote(check.name());
        c.report(s)
            .at("ADD")
            .message("ALTER DOMAIN " + d.name() + " ADD CONSTRAINT checks the value of every column of type " + d.name()
                + " in every table, holding a SHARE lock on each of them: INSERT, UPDATE and DELETE on those tables "
                + "wait until all rows are checked")
            .why("A domain constraint applies to every column that uses the domain, so adding it validates all of them "
                + "at once. With NOT VALID it only applies to new values; VALIDATE CONSTRAINT checks the old ones later, "
                + "as a separate step that can be retried.")
            .fix("ALTER DOMAIN " + d.name() + " ADD CONSTRAINT " + name + " CHECK (" + check.expression()
                + ") NOT VALID;\nALTER DOMAIN " + d.name() + " VALIDATE CONSTRAINT " + name
                + ";  -- later, in its own migration")
            .emit();
      }
    }
  }
}
