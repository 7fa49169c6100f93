package dev.migrationmcp.tools.lint;

/** What a rule is about; it decides whether live table sizes change the severity. */
public enum Category {
  /** Locks and rewrites: relaxed on small tables, escalated on large ones. */
  LOCKING,
  /** Drops, renames and data loss. */
  DESTRUCTIVE,
  /** Column types. */
  TYPES,
  /** Needs the live or shadow schema. */
  SCHEMA,
  /** Transactions and timeouts. */
  TRANSACTION,
  /** Flyway's conventions. */
  FLYWAY,
  /** Robustness and style. */
  STYLE
}
