package dev.migrationmcp.tools.lint;

/**
 * PostgreSQL's table-level lock modes, weakest first, with what each one blocks. {@link #NONE}
 * stands for statements that take no table lock worth naming.
 */
public enum LockMode {
  NONE(null, "nothing"),
  ACCESS_SHARE("AccessShareLock", "only ACCESS EXCLUSIVE (DROP, most ALTER TABLE)"),
  ROW_SHARE("RowShareLock", "EXCLUSIVE and ACCESS EXCLUSIVE"),
  ROW_EXCLUSIVE("RowExclusiveLock", "SHARE and stronger: CREATE INDEX, most DDL"),
  SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock",
      "other schema changes, VACUUM and ANALYZE — but not reads or writes"),
  SHARE("ShareLock", "all writes (INSERT, UPDATE, DELETE); reads go on"),
  SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", "all writes and other schema changes; reads go on"),
  EXCLUSIVE("ExclusiveLock", "all writes; only plain SELECT goes on"),
  ACCESS_EXCLUSIVE("AccessExclusiveLock", "everything, reads included");

  private final String pgName;
  private final String blocks;

  LockMode(String pgName, String blocks) {
    this.pgName = pgName;
    this.blocks = blocks;
  }

  /** As {@code pg_locks.mode} spells it, or null for {@link #NONE}. */
  public String pgName() {
    return pgName;
  }

  /** What this lock blocks, for messages. */
  public String blocks() {
    return blocks;
  }

  /** {@code ACCESS EXCLUSIVE}, as the documentation writes it. */
  public String sqlName() {
    return name().replace('_', ' ');
  }

  /** Whether holding this lock stops ordinary writes (SHARE and stronger). */
  public boolean blocksWrites() {
    return compareTo(SHARE) >= 0;
  }

  /** Whether holding this lock stops plain reads. */
  public boolean blocksReads() {
    return this == ACCESS_EXCLUSIVE;
  }

  public static LockMode stronger(LockMode a, LockMode b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
