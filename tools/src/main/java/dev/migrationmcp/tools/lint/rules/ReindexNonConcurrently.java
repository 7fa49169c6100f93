package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LiveSchema;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.schema.IndexInfo;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.model.Reindex;
import java.util.Optional;

/**
 * REINDEX without CONCURRENTLY rebuilds under a SHARE lock on the table (writes wait) and an
 * ACCESS EXCLUSIVE lock on each index (queries that would use it wait too). PostgreSQL 12 added
 * REINDEX CONCURRENTLY; before it the online path is a concurrent build and swap.
 */
@LintRule(id = "reindex-non-concurrently", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.SHARE, summary = "REINDEX without CONCURRENTLY blocks writes, and reads that use the index")
public final class ReindexNonConcurrently implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof Reindex r) || r.concurrently() || r.target() == Reindex.Target.SYSTEM) {
      return;
    }
    String target = r.target().name();
    String name = r.name() == null ? "" : " " + r.name().sql();
    String table = null;
    if (r.target() == Reindex.Target.TABLE) {
      if (c.isNewTable(r.name())) {
        return;
      }
      table = dev.migrationmcp.tools.lint.StatementEffects.name(r.name());
    } else if (r.target() == Reindex.Target.INDEX) {
      if (c.script().indexCreatedInScript(r.name().schemaOr("public") + "." + r.name().name())) {
        return;
      }
      table = c.live().flatMap(live -> tableOf(live, r.name().schemaOr("public"), r.name().name()))
          .map(TableInfo::qualifiedName).orElse(null);
    }
    String what = switch (r.target()) {
      case INDEX -> "the index" + name;
      case TABLE -> "every index of" + name;
      default -> "every index in " + target.toLowerCase(java.util.Locale.ROOT) + name;
    };
    String options = r.options().isEmpty() ? "" : "(" + String.join(", ", r.options()) + ") ";
    String fix;
    if (c.pgVersion() >= 12) {
      fix = "REINDEX " + options + target + " CONCURRENTLY" + name + ";  -- outside a transaction (its own migration)";
    } else if (r.target() == Reindex.Target.INDEX) {
      String index = r.name().name();
      String fresh = Sql.quote(index.length() > 58 ? index.substring(0, 58) + "_new" : index + "_new");
      String definition = c.live().flatMap(live -> indexOf(live, r.name().schemaOr("public"), index))
          .map(IndexInfo::definition).orElse(null);
      String create = definition == null
          ? "CREATE INDEX CONCURRENTLY " + fresh + " ON <table> (<the same keys as " + r.name().sql() + ">);"
          : definition.replaceFirst("(?i)\\bINDEX\\s+\\S+", "INDEX CONCURRENTLY " + fresh) + ";";
      fix = "-- PostgreSQL " + c.pgVersion() + " has no REINDEX CONCURRENTLY: build a copy and swap it in\n" + create
          + "\nDROP INDEX CONCURRENTLY " + r.name().sql() + ";\nALTER INDEX " + fresh + " RENAME TO "
          + Sql.quote(index) + ";";
    } else {
      fix = "PostgreSQL " + c.pgVersion() + " has no REINDEX CONCURRENTLY: rebuild only the bloated indexes, one at a "
          + "time, with CREATE INDEX CONCURRENTLY <name>_new …; DROP INDEX CONCURRENTLY <name>; ALTER INDEX <name>_new "
          + "RENAME TO <name>; (PostgreSQL 12+: REINDEX " + target + " CONCURRENTLY" + name + ")";
    }
    c.report()
        .table(table)
        .at("REINDEX")
        .message("REINDEX rebuilds " + what + " under a SHARE lock on the table (INSERT, UPDATE and DELETE wait) and "
            + "an ACCESS EXCLUSIVE lock on each index (queries that would use it wait too) until the rebuild ends")
        .why("A plain REINDEX builds the new index in one pass while holding those locks; REINDEX CONCURRENTLY "
            + "(PostgreSQL 12+) builds it beside the old one under SHARE UPDATE EXCLUSIVE and swaps them.")
        .fix(fix)
        .emit();
  }

  static Optional<TableInfo> tableOf(LiveSchema live, String schema, String index) {
    return live.snapshot().tables().stream().filter(t -> t.schema().equals(schema))
        .filter(t -> t.indexes().stream().anyMatch(i -> i.name().equals(index))).findFirst();
  }

  private static Optional<IndexInfo> indexOf(LiveSchema live, String schema, String index) {
    return tableOf(live, schema, index).flatMap(t -> t.indexes().stream().filter(i -> i.name().equals(index))
        .findFirst());
  }
}
