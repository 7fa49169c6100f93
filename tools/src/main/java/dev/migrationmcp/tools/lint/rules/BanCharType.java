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
 * {@code char(n)} / {@code character(n)} (plain {@code char} is {@code char(1)}) in a new column or
 * as the target of ALTER COLUMN TYPE: values are blank-padded, trailing spaces are ignored in
 * comparisons and lost on output, and it is never faster than text. The one-byte {@code "char"}
 * type is not concerned.
 */
@LintRule(id = "ban-char-type", severity = Severity.WARNING, category = Category.TYPES,
    summary = "char(n) pads values with spaces and compares them surprisingly; use text")
public final class BanCharType implements Rule {
  @Override
  public void check(RuleContext c) {
    for (NewColumns.NewColumn column : NewColumns.of(c.model())) {
      if (isChar(column.type())) {
        report(c, column.table() + "." + Sql.quote(column.name()), column.name(), column.type(),
            NewColumns.fix(c.text(), column, replacement(column.type())));
      }
    }
    if (c.model() instanceof AlterTable at) {
      for (AlterTableAction.AlterColumnType change : at.actions(AlterTableAction.AlterColumnType.class)) {
        if (isChar(change.type())) {
          report(c, at.table() + "." + Sql.quote(change.column()), change.column(), change.type(),
              "ALTER TABLE " + at.table() + " ALTER COLUMN " + Sql.quote(change.column()) + " TYPE "
                  + replacement(change.type()) + (change.using() == null ? "" : " USING " + change.using()) + ";");
        }
      }
    }
  }

  private static boolean isChar(SqlType type) {
    return type.schema() == null && type.name().equals("character");
  }

  private static String replacement(SqlType type) {
    return "text" + "[]".repeat(type.arrayDimensions());
  }

  private static void report(RuleContext c, String column, String at, SqlType type, String fix) {
    int n = Math.max(1, type.length());
    c.report()
        .at(Clauses.at(c.text(), at))
        .message(column + " is character(" + n + "): every value is padded with spaces to " + n + " characters, "
            + "trailing spaces are ignored when comparing and dropped when converting to text, and a longer value "
            + "fails with \"value too long\"")
        .why("PostgreSQL stores char(n) like text plus padding, so it is never faster and often larger; fixed-width "
            + "codes are better enforced with a CHECK constraint.")
        .fix(fix + (type.isArray() ? "" : "\n-- to keep a fixed width: CHECK (char_length(" + Sql.quote(at) + ") = "
            + n + ")"))
        .emit();
  }
}
