package dev.migrationmcp.tools.dryrun;

import java.util.List;

/**
 * What one statement did when it ran.
 *
 * @param phase {@code up} or {@code down}
 * @param file the migration file it came from, when the run spans several
 * @param outsideTransaction ran in autocommit on the shadow (CONCURRENTLY, VACUUM, …); its locks
 *     were sampled from another session while it ran
 * @param skipped why it was not executed (transaction control the runner models, an earlier
 *     error, a statement refused on the live database), else null
 * @param rewrites tables and indexes whose storage was rewritten (relfilenode changed)
 * @param prediction what lint_migration predicted, when known
 * @param disagreements where prediction and observation differ
 */
public record StatementReport(
    int index,
    String phase,
    String file,
    int line,
    int column,
    String sql,
    double durationMs,
    long rows,
    boolean outsideTransaction,
    String skipped,
    List<ObservedLock> locks,
    List<String> rewrites,
    List<ObservedScan> scans,
    ObservedError error,
    Prediction prediction,
    List<String> disagreements) {

  public StatementReport {
    locks = List.copyOf(locks);
    rewrites = List.copyOf(rewrites);
    scans = List.copyOf(scans);
    disagreements = List.copyOf(disagreements);
  }
}
