package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.schema.SchemaDiff;
import java.util.List;

/**
 * The answer of a dry run.
 *
 * @param ok every statement ran without error (and, on the live target, none was refused)
 * @param target {@code shadow} or {@code live}
 * @param serverVersion the server the statements ran on
 * @param baseline what the shadow clone started from (null on the live target)
 * @param statements one report per statement, up then down
 * @param locksHeldUntilCommit the locks the up migration's transaction holds when it ends: every
 *     one is held from the statement that took it until COMMIT
 * @param schemaDiff what the up migration changed
 * @param reversible whether the down migration undid it (null without a down migration)
 * @param digest sha256 of the exact SQL run plus the baseline fingerprint: a later step can prove
 *     it applies exactly what was tested
 * @param committed always false: the transaction was rolled back and the clone dropped
 * @param refused why a live run was refused before anything ran, else null
 * @param notes other facts worth knowing (statements run outside a transaction, splitter notes)
 * @param preflight read-only questions asked of the live data before anything ran
 */
public record DryRunReport(
    boolean ok,
    String target,
    String serverVersion,
    Baseline baseline,
    List<StatementReport> statements,
    List<ObservedLock> locksHeldUntilCommit,
    SchemaDiff schemaDiff,
    Reversibility reversible,
    String digest,
    boolean committed,
    String refused,
    List<String> notes,
    List<PreflightCheck> preflight) {

  public DryRunReport {
    statements = List.copyOf(statements);
    locksHeldUntilCommit = List.copyOf(locksHeldUntilCommit);
    notes = List.copyOf(notes);
    preflight = List.copyOf(preflight);
  }

  public DryRunReport(boolean ok, String target, String serverVersion, Baseline baseline, List<StatementReport> statements,
      List<ObservedLock> locksHeldUntilCommit, SchemaDiff schemaDiff, Reversibility reversible, String digest,
      boolean committed, String refused, List<String> notes) {
    this(ok, target, serverVersion, baseline, statements, locksHeldUntilCommit, schemaDiff, reversible, digest, committed,
        refused, notes, List.of());
  }

  public DryRunReport withPreflight(List<PreflightCheck> checks) {
    return new DryRunReport(ok, target, serverVersion, baseline, statements, locksHeldUntilCommit, schemaDiff, reversible,
        digest, committed, refused, notes, checks);
  }
}
