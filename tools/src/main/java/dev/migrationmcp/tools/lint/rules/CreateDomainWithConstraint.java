package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.CreateDomain;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.stream.Collectors;

/**
 * A CHECK on a domain is hard to change later: every change goes through ALTER DOMAIN, which
 * checks all columns of the domain in all tables at once. CHECK constraints on the tables' columns
 * can be changed one table at a time, NOT VALID and then validated.
 */
@LintRule(id = "create-domain-with-constraint", severity = Severity.INFO, category = Category.STYLE,
    lock = LockMode.SHARE,
    summary = "a CHECK on a domain can later only be changed by rechecking every table that uses the domain")
public final class CreateDomainWithConstraint implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof CreateDomain d) || d.checks().isEmpty()) {
      return;
    }
    String type = d.type() == null ? "<type>" : d.type().sql();
    String checks = d.checks().stream().map(TableConstraint.Check::expression)
        .map(e -> e.replaceAll("(?i)\\bVALUE\\b", "<column>")).collect(Collectors.joining(" AND "));
    c.report()
        .at("CHECK")
        .message("the CHECK on domain " + d.name() + " can later only be changed with ALTER DOMAIN, which checks every "
            + "column of type " + d.name() + " in every table at once while holding a SHARE lock on each (their writes "
            + "wait)")
        .why("A domain ties the rule to every column using it: loosening or tightening it is one change across all "
            + "those tables. Column CHECK constraints can be added NOT VALID and validated per table.")
        .fix("CREATE DOMAIN " + d.name() + " AS " + type + (d.defaultExpression() == null ? ""
            : " DEFAULT " + d.defaultExpression()) + ";\n-- and on each column that uses it:\n"
            + "ALTER TABLE <table> ADD CONSTRAINT <table>_<column>_check CHECK (" + checks + ") NOT VALID;")
        .emit();
  }
}
