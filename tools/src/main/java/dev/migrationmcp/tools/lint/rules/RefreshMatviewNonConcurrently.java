package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.RefreshMaterializedView;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.HashSet;
import java.util.Set;

/**
 * REFRESH MATERIALIZED VIEW without CONCURRENTLY takes ACCESS EXCLUSIVE on the view for the whole
 * refresh: even reads of it wait. CONCURRENTLY (which needs a unique index on the view) lets
 * reads go on.
 */
@LintRule(id = "refresh-matview-non-concurrently", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view for the whole refresh")
public final class RefreshMatviewNonConcurrently implements Rule {
  @Override
  public void finish(ScriptContext c) {
    Set<String> created = new HashSet<>();
    Set<String> uniquelyIndexed = new HashSet<>();
    for (ReadStatement s : c.script().statements()) {
      if (s.statement() instanceof CreateView v && v.materialized()) {
        created.add(StatementEffects.name(v.name()));
      } else if (s.statement() instanceof CreateIndex ci && ci.unique() && ci.where() == null) {
        uniquelyIndexed.add(StatementEffects.name(ci.table()));
      } else if (s.statement() instanceof RefreshMaterializedView r && !r.concurrently() && !r.withNoData()
          && !created.contains(StatementEffects.name(r.name()))) {
        report(c, s, r, uniquelyIndexed.contains(StatementEffects.name(r.name())));
      }
    }
  }

  private static void report(ScriptContext c, ReadStatement s, RefreshMaterializedView r, boolean indexedInScript) {
    QualifiedName view = r.name();
    boolean hasUniqueIndex = indexedInScript || c.live().flatMap(l -> l.table(StatementEffects.name(view)))
        .map(t -> t.indexes().stream().anyMatch(i -> i.unique() && !i.partial() && i.valid())).orElse(false);
    String index = Sql.quote(view.name() + "_key");
    c.report(s)
        .table(view)
        .at(view.name())
        .message("REFRESH MATERIALIZED VIEW " + view + " holds an ACCESS EXCLUSIVE lock on it for the whole refresh: "
            + "every query reading " + view + " waits until the view's query has run again")
        .why("A plain refresh replaces the view's contents in one swap under the strongest lock; CONCURRENTLY computes "
            + "the new contents beside the old and applies the difference while reads go on (it needs a unique index "
            + "on the view, and the view must already be populated).")
        .fix((hasUniqueIndex ? "" : "CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + view
            + " (<columns that identify a row>);  -- once, outside a transaction\n")
            + "REFRESH MATERIALIZED VIEW CONCURRENTLY " + view + ";")
        .emit();
  }
}
