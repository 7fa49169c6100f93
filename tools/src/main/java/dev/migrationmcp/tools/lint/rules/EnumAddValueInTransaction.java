package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterType;

/**
 * Before PostgreSQL 12, {@code ALTER TYPE … ADD VALUE} fails inside a transaction block, which
 * rolls back the whole migration.
 */
@LintRule(id = "enum-add-value-in-transaction", severity = Severity.ERROR, category = Category.TRANSACTION,
    lock = LockMode.NONE, summary = "ALTER TYPE ADD VALUE cannot run inside a transaction before PostgreSQL 12")
public final class EnumAddValueInTransaction implements Rule {
  @Override
  public void check(RuleContext c) {
    if (c.pgVersion() >= 12 || !(c.model() instanceof AlterType t) || !(t.action() instanceof AlterType.AddValue add)
        || !c.inTransaction() || c.script().typeCreatedInScript(dev.migrationmcp.tools.lint.StatementEffects.name(t.name()))) {
      return;
    }
    String where = c.script().inExplicitTransaction() ? "the BEGIN … COMMIT block" : "Flyway's transaction";
    c.report()
        .at("ADD")
        .message("ALTER TYPE " + t.name() + " ADD VALUE fails inside " + where + " on PostgreSQL " + c.pgVersion()
            + " (\"cannot run inside a transaction block\"), and the whole migration rolls back")
        .why("Before PostgreSQL 12 a new enum label cannot be added in a transaction block, because it could be used "
            + "before the transaction commits; PostgreSQL 12 lifted this (the value is usable after commit).")
        .fix("-- alone in its own migration, outside a transaction (Flyway runs such a script without one):\n"
            + "ALTER TYPE " + t.name() + " ADD VALUE " + (add.ifNotExists() ? "IF NOT EXISTS " : "") + "'"
            + add.value().replace("'", "''") + "'" + (add.before() != null ? " BEFORE '" + add.before().replace("'", "''")
            + "'" : add.after() != null ? " AFTER '" + add.after().replace("'", "''") + "'" : "") + ";")
        .emit();
  }
}
