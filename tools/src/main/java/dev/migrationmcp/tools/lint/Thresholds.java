package dev.migrationmcp.tools.lint;

/**
 * Live table sizes that change a locking finding's severity: below both small limits it is only
 * info (the lock is over in moments), above either large limit it is an error.
 */
public record Thresholds(long smallRows, long smallBytes, long largeRows, long largeBytes) {
  public static final Thresholds DEFAULT = new Thresholds(10_000, 10L << 20, 1_000_000, 1L << 30);

  public boolean isSmall(long rows, long bytes) {
    return rows >= 0 && rows < smallRows && bytes < smallBytes;
  }

  public boolean isLarge(long rows, long bytes) {
    return rows >= largeRows || bytes >= largeBytes;
  }
}
