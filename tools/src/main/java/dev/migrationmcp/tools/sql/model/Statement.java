package dev.migrationmcp.tools.sql.model;

/**
 * What one statement of a migration does. Records that model a statement's details implement
 * this directly; {@link OtherStatement} is a statement recognised only by its kind and
 * {@link Unparsed} one the reader could not read (with the reason).
 */
public sealed interface Statement
    permits AlterTable, CreateIndex, DropIndex, AlterIndex, Reindex, CreateTable, DropObject, CreateType,
        AlterType, CreateDomain, AlterDomain, CreateView, RefreshMaterializedView, AlterSchema, Vacuum, Analyze,
        Cluster, Truncate, LockTable, SetParameter, ResetParameter, TransactionControl, Update, Delete, Insert,
        Query, DoBlock, CreateRoutine, CreateTrigger, CreateExtension, CreateSequence, CreateSchema, CommentOn,
        Grant, OtherStatement, Unparsed {

  /**
   * The statement's kind in PostgreSQL's command-tag spelling: {@code ALTER TABLE},
   * {@code CREATE INDEX}, {@code DROP MATERIALIZED VIEW}, {@code SET}, {@code COMMIT}.
   */
  String kind();

  /** How much of the statement the model holds. */
  default Coverage coverage() {
    return Coverage.MODELLED;
  }

  /** How much the reader understood of a statement. */
  enum Coverage {
    /** Read into a detailed record. */
    MODELLED,
    /** Recognised by its leading keywords only; nothing in it needs more for linting. */
    CLASSIFIED,
    /** Not read: the reason says what the reader met and where. */
    UNPARSED
  }
}
