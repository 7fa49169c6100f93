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
 * {@code timestamp} (without time zone) in a new column or as the target of ALTER COLUMN TYPE:
 * it stores a wall-clock reading with no zone, so the same instant reads differently depending on
 * the writer's TimeZone setting, and daylight-saving changes make values ambiguous.
 */
@LintRule(id = "prefer-timestamptz", severity = Severity.WARNING, category = Category.TYPES,
    summary = "timestamp without time zone loses which instant was meant; use timestamptz")
public final class PreferTimestamptz implements Rule {
  private static final String WITHOUT = "timestamp without time zone";

  @Override
  public void check(RuleContext c) {
    for (NewColumns.NewColumn column : NewColumns.of(c.model())) {
      if (column.type().schema() == null && column.type().name().equals(WITHOUT)) {
        report(c, column.table() + "." + Sql.quote(column.name()), column.name(),
            NewColumns.fix(c.text(), column, replacement(column.type())));
      }
    }
    if (c.model() instanceof AlterTable at) {
      for (AlterTableAction.AlterColumnType change : at.actions(AlterTableAction.AlterColumnType.class)) {
        if (change.type().schema() == null && change.type().name().equals(WITHOUT)) {
          report(c, at.table() + "." + Sql.quote(change.column()), change.column(), "ALTER TABLE " + at.table()
              + " ALTER COLUMN " + Sql.quote(change.column()) + " TYPE " + replacement(change.type())
              + (change.using() == null ? "" : " USING " + change.using()) + ";");
        }
      }
    }
  }

  private static void report(RuleContext c, String column, String at, String fix) {
    c.report()
        .at(Clauses.at(c.text(), at))
        .message(column + " is timestamp without time zone: it stores a wall-clock reading with no zone, so the "
            + "same instant is stored differently by sessions with different TimeZone settings, and values around "
            + "daylight-saving changes are ambiguous")
        .why("timestamptz stores an exact instant (as UTC) and converts on input and output; it takes the same 8 "
            + "bytes.")
        .fix(fix)
        .emit();
  }

  /** {@code timestamptz}, keeping precision and array dimensions. */
  static String replacement(SqlType type) {
    if (type.modifiers().isEmpty()) {
      return "timestamptz" + "[]".repeat(type.arrayDimensions());
    }
    return new SqlType(null, "timestamp with time zone", type.modifiers(), type.arrayDimensions(), false, "").sql();
  }
}
