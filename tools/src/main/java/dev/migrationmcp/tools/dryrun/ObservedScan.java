package dev.migrationmcp.tools.dryrun;

/**
 * Table activity caused by one statement ({@code pg_stat_xact_user_tables} deltas).
 *
 * @param seqScans sequential scans started (a full-table pass: validation, rewrite, backfill)
 * @param tuplesRead tuples read by those scans
 */
public record ObservedScan(String table, long seqScans, long tuplesRead, long inserted, long updated, long deleted) {}
