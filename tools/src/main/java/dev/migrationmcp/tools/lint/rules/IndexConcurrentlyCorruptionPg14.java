package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.Reindex;
import java.util.Optional;

/**
 * CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY on PostgreSQL 14.0 to 14.3 can build an
 * index that misses rows updated during the build (fixed in 14.4): queries using it silently
 * return wrong results. The settings carry only the major version, so the exact minor comes from
 * the live server when it is a 14; without it the finding says which minors are affected.
 */
@LintRule(id = "index-concurrently-corruption-pg14", severity = Severity.WARNING, category = Category.DESTRUCTIVE,
    lock = LockMode.SHARE_UPDATE_EXCLUSIVE,
    summary = "CREATE/REINDEX … CONCURRENTLY on PostgreSQL 14.0–14.3 can silently build a corrupt index")
public final class IndexConcurrentlyCorruptionPg14 implements Rule {
  @Override
  public void check(RuleContext c) {
    if (c.pgVersion() != 14) {
      return;
    }
    String index;
    String table = null;
    String statement;
    if (c.model() instanceof CreateIndex ci && ci.concurrently() && !c.isNewTable(ci.table())) {
      index = ci.name() == null ? "<the new index>" : ci.name();
      table = StatementEffects.name(ci.table());
      statement = c.text().replaceFirst("(?i)\\s+CONCURRENTLY\\b", "");
    } else if (c.model() instanceof Reindex r && r.concurrently() && r.name() != null
        && !(r.target() == Reindex.Target.TABLE && c.isNewTable(r.name()))
        && !(r.target() == Reindex.Target.INDEX
            && c.script().indexCreatedInScript(r.name().schemaOr("public") + "." + r.name().name()))) {
      index = r.target() == Reindex.Target.INDEX ? r.name().name() : "<each index of " + r.name() + ">";
      table = r.target() == Reindex.Target.TABLE ? StatementEffects.name(r.name()) : null;
      statement = c.text().replaceFirst("(?i)\\s+CONCURRENTLY\\b", "").replaceFirst("(?i),\\s*CONCURRENTLY\\b", "")
          .replaceFirst("(?i)\\(\\s*CONCURRENTLY\\s*\\)\\s*", "");
    } else {
      return;
    }
    Optional<Integer> minor = c.live().map(l -> l.snapshot().serverVersionNum())
        .filter(n -> n / 10000 == 14).map(n -> n % 10000);
    if (minor.isPresent() && minor.get() >= 4) {
      return;
    }
    String server = minor.map(m -> "this server runs 14." + m + ", which is affected")
        .orElse("affected if the server runs 14.0, 14.1, 14.2 or 14.3: check with SELECT version()");
    c.report()
        .table(table)
        .severity(minor.isPresent() ? Severity.ERROR : Severity.WARNING)
        .at("CONCURRENTLY")
        .message("on PostgreSQL 14.0–14.3 a concurrent index build can miss rows updated while it runs, leaving a "
            + "corrupt index that silently returns wrong query results (" + server + "); the build itself holds only "
            + "SHARE UPDATE EXCLUSIVE")
        .why("A bug in 14.0–14.3 made CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY skip some HOT-updated rows; "
            + "PostgreSQL 14.4 (June 2022) fixed it, but indexes built before the upgrade stay corrupt until rebuilt.")
        .fix("-- upgrade to PostgreSQL 14.4 or later first; until then build it without CONCURRENTLY, in a quiet "
            + "period (writes wait):\n" + statement + ";\n-- after upgrading, check indexes built concurrently "
            + "on 14.0–14.3: CREATE EXTENSION IF NOT EXISTS amcheck; SELECT bt_index_check('" + index + "', true);")
        .emit();
  }
}
