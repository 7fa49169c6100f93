package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.schema.ByteSizes;
import dev.migrationmcp.tools.sql.model.Delete;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Update;
import java.util.Set;

/**
 * UPDATE or DELETE without WHERE changes every row of the table — usually a forgotten condition.
 * Writing {@code WHERE true} states that every row is meant. Tables created earlier in the same
 * script are not reported.
 */
@LintRule(id = "update-or-delete-without-where", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    lock = LockMode.ROW_EXCLUSIVE, summary = "UPDATE or DELETE without WHERE changes every row of the table")
public final class UpdateOrDeleteWithoutWhere implements Rule {
  @Override
  public void check(RuleContext c) {
    QualifiedName table;
    String verb;
    if (c.model() instanceof Update u && !u.hasWhere()) {
      table = u.table();
      verb = "UPDATE overwrites " + String.join(", ", u.setColumns().stream().distinct().map(Sql::quote).toList())
          + " in every row of ";
    } else if (c.model() instanceof Delete d && !d.hasWhere()) {
      table = d.table();
      verb = "DELETE removes every row of ";
    } else {
      return;
    }
    if (c.isNewTable(table)) {
      return;
    }
    String rows = c.liveTable(table).map(t -> " (" + ByteSizes.rows(t.rowsEstimate()) + ")").orElse("");
    Clauses clauses = Clauses.of(c.text());
    int returning = clauses.find(0, Set.of("returning"));
    String before = clauses.before(returning);
    String after = returning < 0 ? "" : " " + clauses.from(returning);
    c.report()
        .table(table)
        .message(verb + table + rows + ": there is no WHERE clause, and each changed row stays locked until the "
            + "transaction commits")
        .why("A missing WHERE is most often a condition forgotten or lost in editing; the change cannot be undone by "
            + "a down migration once committed.")
        .fix(before + " WHERE <condition>" + after + ";\n-- if every row is really meant, say so: " + before
            + " WHERE true" + after + ";")
        .emit();
  }
}
