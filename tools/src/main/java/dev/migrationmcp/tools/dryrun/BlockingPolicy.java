package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.lint.Thresholds;

/**
 * Whether a live dry run may hold a lock that blocks writes on a large table for the length of a
 * full scan or rewrite. The run is rolled back, but the lock is real while it runs: on a table over
 * the large-table threshold that is an outage, so it takes an explicit {@code allow_blocking}.
 *
 * @param allowBlocking the caller accepted the blocking lock
 * @param thresholds the project's large-table limits (lint's {@code [thresholds]})
 */
public record BlockingPolicy(boolean allowBlocking, Thresholds thresholds) {
  /** Refuse, with lint's default thresholds. */
  public static final BlockingPolicy DEFAULT = new BlockingPolicy(false, Thresholds.DEFAULT);

  public BlockingPolicy {
    thresholds = thresholds == null ? Thresholds.DEFAULT : thresholds;
  }
}
