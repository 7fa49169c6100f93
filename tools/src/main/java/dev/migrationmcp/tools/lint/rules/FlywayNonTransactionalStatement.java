package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.flyway.FlywayScripts;
import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.FlywayContext;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterType;
import dev.migrationmcp.tools.sql.model.Vacuum;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statement that cannot run in a transaction, in a Flyway migration whose script configuration
 * does not say {@code executeInTransaction=false}. Flyway's PostgreSQL parser recognises some such
 * statements (CREATE/DROP INDEX CONCURRENTLY, VACUUM, …): mixed with any other statement, Flyway
 * refuses the file. Others it does not recognise (REINDEX … CONCURRENTLY, DETACH PARTITION …
 * CONCURRENTLY): Flyway runs them in its transaction and PostgreSQL rejects them.
 */
@LintRule(id = "flyway-non-transactional-statement", severity = Severity.ERROR, category = Category.FLYWAY,
    summary = "a statement that cannot run in a transaction, in a Flyway migration that mixes or wraps it")
public final class FlywayNonTransactionalStatement implements Rule {
  @Override
  public void finish(ScriptContext c) {
    List<ReadStatement> statements = c.script().statements();
    if (!c.settings().flywayTransaction() || statements.isEmpty()) {
      return;
    }
    Map<String, String> conf = c.flyway().map(FlywayContext::scriptConfig).orElse(Map.of());
    Optional<Boolean> configured = FlywayScripts.executeInTransaction(
        statements.get(0).source().leadingCommentLines(), conf);
    if (configured.isPresent() && !configured.get()) {
      return;
    }
    int pg = c.settings().pgVersion();
    List<ReadStatement> detected = new ArrayList<>();
    List<ReadStatement> transactional = new ArrayList<>();
    for (ReadStatement s : statements) {
      (FlywayScripts.detectedNonTransactional(s.source().text(), pg) ? detected : transactional).add(s);
    }
    String confFile = c.flyway().map(f -> f.baseName() + ".conf").orElse("<this file>.sql.conf");
    boolean wrapped = configured.orElse(detected.isEmpty());
    if (configured.isEmpty() && !detected.isEmpty() && !transactional.isEmpty()) {
      ReadStatement other = transactional.get(0);
      for (ReadStatement s : detected) {
        c.report(s)
            .message("Flyway refuses this migration: " + label(s) + " cannot run in a transaction, and the file also "
                + "holds transactional statements (line " + other.line() + ": " + Sql.oneLine(other.source().text())
                .replaceFirst("^(.{60}).+$", "$1…") + "), so Flyway stops with \"Detected both transactional and "
                + "non-transactional statements within the same migration\" (unless flyway.mixed=true)")
            .why("Flyway runs a migration either in one transaction or without one. It runs a file whose statements "
                + "all need to be outside a transaction without one, and rejects a file that mixes both kinds.")
            .fix("-- move it into a migration of its own, holding only this statement (Flyway then runs it outside a "
                + "transaction):\n" + Sql.oneLine(s.source().text()) + ";\n-- or run this whole file without a "
                + "transaction: a file " + confFile + " containing executeInTransaction=false")
            .emit();
      }
    }
    if (!wrapped) {
      return;
    }
    for (ReadStatement s : statements) {
      boolean refusedByPostgres = ConcurrentlyInTransaction.concurrently(s.statement())
          || s.statement() instanceof Vacuum
          || pg < 12 && s.statement() instanceof AlterType t && t.action() instanceof AlterType.AddValue
          || detected.contains(s);
      if (!refusedByPostgres) {
        continue;
      }
      String reason = configured.isPresent() ? "its script configuration says executeInTransaction=true"
          : "Flyway does not recognise " + label(s) + " as non-transactional";
      c.report(s)
          .at("CONCURRENTLY")
          .message(label(s) + " cannot run inside a transaction block, but Flyway runs this migration in one (" + reason
              + "): PostgreSQL rejects it and the migration fails")
          .why("Flyway decides per file whether to use a transaction, from the script configuration or by recognising "
              + "a few statements; everything else runs in its transaction.")
          .fix("-- give it a migration of its own with a script configuration file " + confFile.replace("<this file>",
              "<new file>") + " containing:\nexecuteInTransaction=false")
          .emit();
    }
  }

  /** {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}: the kind, with CONCURRENTLY when written. */
  private static String label(ReadStatement s) {
    return s.kind() + (s.source().text().toUpperCase(java.util.Locale.ROOT).contains("CONCURRENTLY")
        && !s.kind().contains("CONCURRENTLY") ? " … CONCURRENTLY" : "");
  }
}
