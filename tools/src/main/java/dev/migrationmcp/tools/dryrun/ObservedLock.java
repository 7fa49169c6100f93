package dev.migrationmcp.tools.dryrun;

/** A lock a statement took: the relation and the strongest mode held on it (as pg_locks names it). */
public record ObservedLock(String relation, String kind, String mode) {}
