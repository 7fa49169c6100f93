package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.SqlType;

/**
 * {@code json} in a new column or as the target of ALTER COLUMN TYPE: it keeps the input text,
 * re-parses it on every access, has no equality operator and no GIN index support. jsonb
 * (PostgreSQL 9.4+) has none of these limits.
 */
@LintRule(id = "prefer-jsonb", severity = Severity.WARNING, category = Category.TYPES,
    summary = "json is re-parsed on every access and cannot be compared or GIN-indexed; use jsonb")
public final class PreferJsonb implements Rule {
  @Override
  public void check(RuleContext c) {
    for (NewColumns.NewColumn column : NewColumns.of(c.model())) {
      if (isJson(column.type())) {
        report(c, column.table() + "." + Sql.quote(column.name()), column.name(),
            NewColumns.fix(c.text(), column, replacement(column.type())));
      }
    }
    if (c.model() instanceof AlterTable at) {
      for (AlterTableAction.AlterColumnType change : at.actions(AlterTableAction.AlterColumnType.class)) {
        if (isJson(change.type())) {
          report(c, at.table() + "." + Sql.quote(change.column()), change.column(),
              "ALTER TABLE " + at.table() + " ALTER COLUMN " + Sql.quote(change.column()) + " TYPE "
                  + replacement(change.type()) + " USING " + (change.using() == null
                  ? Sql.quote(change.column()) + "::jsonb" : change.using().replaceAll("::\\s*json\\b", "::jsonb")) + ";");
        }
      }
    }
  }

  private static boolean isJson(SqlType type) {
    return type.schema() == null && type.name().equals("json");
  }

  private static String replacement(SqlType type) {
    return "jsonb" + "[]".repeat(type.arrayDimensions());
  }

  private static void report(RuleContext c, String column, String at, String fix) {
    c.report()
        .at(Clauses.at(c.text(), at))
        .message(column + " is json: the text is stored as written and re-parsed on every access, it has no "
            + "equality operator (DISTINCT, GROUP BY, UNION and = on it fail) and it cannot have a GIN index")
        .why("jsonb is parsed once on write into a binary form that supports containment and path operators and "
            + "GIN indexes; json only makes sense to keep key order, duplicate keys or whitespace exactly.")
        .fix(fix)
        .emit();
  }
}
