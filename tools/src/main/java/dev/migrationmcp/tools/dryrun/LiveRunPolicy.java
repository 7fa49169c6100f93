package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.sql.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, before anything runs, whether a script may be dry-run on the live database. The run
 * owns one transaction that is always rolled back; anything that would end it early, escape it,
 * outlive it or reach outside the database is refused, with the reason and the statement's line.
 * A BEGIN at the start and a COMMIT at the very end are fine: they are modelled.
 */
final class LiveRunPolicy {
  private LiveRunPolicy() {}

  /** Why the request must not run on the live database, or null when it may. */
  static String refusal(DryRun.Request request, int serverVersionNum) {
    List<ScriptPart> parts = new ArrayList<>(request.up());
    parts.addAll(request.down());
    for (ScriptPart part : parts) {
      List<ScriptStatement> statements = part.script().statements();
      for (int i = 0; i < statements.size(); i++) {
        ScriptStatement s = statements.get(i);
        StatementTraits traits = StatementTraits.of(s.text(), serverVersionNum);
        String where = (part.file() == null ? "" : part.file() + " ") + "line " + s.line() + " (" + firstWords(s.text()) + ")";
        if (traits.escape() != null) {
          return "refused on the live database: " + where + ": " + traits.escape() + ". Run it on the shadow target.";
        }
        Optional<OutsideReach> reach = OutsideReach.of(s.text());
        if (reach.isPresent()) {
          return "refused on the live database: " + where + ": " + reach.get().reason() + (reach.get().everyTarget()
              ? ". It is refused on the shadow target too; leave it out of the dry run."
              : ". Run it on the shadow target.");
        }
        if (traits.nonTransactional()) {
          return "refused on the live database: " + where + " cannot run inside a transaction, so it could not be "
              + "rolled back. Dry-run it on the shadow target (the default).";
        }
        if (traits.endsTransaction() && i < statements.size() - 1) {
          return "refused on the live database: " + where + " ends the transaction before the script does, so the "
              + "statements after it could not be rolled back. Run it on the shadow target.";
        }
      }
    }
    return null;
  }

  /**
   * Why the request must not run even on the shadow, or null. The shadow role is often a superuser
   * (always on the embedded cluster, which runs on the user's own machine), so COPY … PROGRAM ran a
   * shell command there, file functions read its files, dblink connected out, and ALTER SYSTEM
   * rewrote the shadow server's configuration: changes outside the disposable clone (found by the
   * reliability review).
   */
  static String shadowRefusal(DryRun.Request request) {
    List<ScriptPart> parts = new ArrayList<>(request.up());
    parts.addAll(request.down());
    for (ScriptPart part : parts) {
      for (ScriptStatement s : part.script().statements()) {
        Optional<OutsideReach> reach = OutsideReach.of(s.text()).filter(OutsideReach::everyTarget);
        if (reach.isPresent()) {
          String where = (part.file() == null ? "" : part.file() + " ") + "line " + s.line() + " (" + firstWords(s.text()) + ")";
          return "refused: " + where + ": " + reach.get().reason() + ", outside the disposable shadow database. Use COPY … "
              + "FROM STDIN in the migration instead of server files, or leave that statement out of the dry run.";
        }
      }
    }
    return null;
  }

  static String firstWords(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
  }
}
