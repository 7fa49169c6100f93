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
 * @param sequencesAdvanced live target: sequences the run advanced, which the rollback does not undo
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
    List<PreflightCheck> preflight,
    List<SequenceAdvance> sequencesAdvanced) {

  public DryRunReport {
    statements = List.copyOf(statements);
    locksHeldUntilCommit = List.copyOf(locksHeldUntilCommit);
    notes = List.copyOf(notes);
    preflight = List.copyOf(preflight);
    sequencesAdvanced = List.copyOf(sequencesAdvanced);
  }

  public DryRunReport(boolean ok, String target, String serverVersion, Baseline baseline, List<StatementReport> statements,
      List<ObservedLock> locksHeldUntilCommit, SchemaDiff schemaDiff, Reversibility reversible, String digest,
      boolean committed, String refused, List<String> notes) {
    this(ok, target, serverVersion, baseline, statements, locksHeldUntilCommit, schemaDiff, reversible, digest, committed,
        refused, notes, List.of(), List.of());
  }

  public DryRunReport withPreflight(List<PreflightCheck> checks) {
    return new DryRunReport(ok, target, serverVersion, baseline, statements, locksHeldUntilCommit, schemaDiff, reversible,
        digest, committed, refused, notes, checks, sequencesAdvanced);
  }

  /** With the sequences a live run advanced, and a note that the rollback left them there. */
  public DryRunReport withSequencesAdvanced(List<SequenceAdvance> advanced) {
    List<String> withNote = new java.util.ArrayList<>(notes);
    if (!advanced.isEmpty()) {
      withNote.add("sequences_advanced: the run took values from " + advanced.size() + " sequence(s); a rollback does "
          + "not restore sequences, so they stay advanced on the live database (later ids skip those values)");
    }
    return new DryRunReport(ok, target, serverVersion, baseline, statements, locksHeldUntilCommit, schemaDiff, reversible,
        digest, committed, refused, withNote, preflight, advanced);
  }
}
