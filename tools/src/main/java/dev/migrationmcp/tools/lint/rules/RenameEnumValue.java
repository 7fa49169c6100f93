package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.sql.model.AlterType;

/**
 * ALTER TYPE … RENAME VALUE changes the label stored in every row at once: deployed code that
 * writes or compares the old label fails or silently matches nothing. Types created earlier in the
 * same script are not reported.
 */
@LintRule(id = "rename-enum-value", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    summary = "renaming an enum value breaks code that still writes or compares the old label")
public final class RenameEnumValue implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterType type) || !(type.action() instanceof AlterType.RenameValue rename)
        || c.script().typeCreatedInScript(StatementEffects.name(type.name()))) {
      return;
    }
    String from = literal(rename.from());
    String to = literal(rename.to());
    String version = c.pgVersion() < 10 ? " — and RENAME VALUE does not exist before PostgreSQL 10, so on "
        + c.pgVersion() + " the statement fails" : "";
    c.report()
        .at("RENAME")
        .message("renaming " + type.name() + " value " + from + " to " + to + " breaks deployed code that still "
            + "writes " + from + " (invalid input value for enum) and makes its comparisons with " + from
            + " match nothing" + version)
        .why("Every row holding the label shows the new one at commit, while the previous application version keeps "
            + "running until the deploy finishes.")
        .fix("-- expand: add the new label next to the old one (in its own migration: a new value cannot be used in "
            + "the transaction that adds it)\nALTER TYPE " + type.name() + " ADD VALUE IF NOT EXISTS " + to
            + " AFTER " + from + ";\n-- make the application accept both and write " + to + ", deploy, then move "
            + "rows in batches: UPDATE <table> SET <column> = " + to + " WHERE <column> = " + from
            + " AND id BETWEEN :from AND :to;\n-- the old label stays (enum values cannot be dropped); stop using it")
        .emit();
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
