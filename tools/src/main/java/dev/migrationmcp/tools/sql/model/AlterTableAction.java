package dev.migrationmcp.tools.sql.model;

/** One action of {@code ALTER TABLE}; a statement may list several, separated by commas. */
public sealed interface AlterTableAction {

  /** {@code ADD [COLUMN] [IF NOT EXISTS] column_definition}. */
  record AddColumn(boolean ifNotExists, ColumnDefinition column) implements AlterTableAction {}

  /** {@code DROP [COLUMN] [IF EXISTS] column [CASCADE]}. */
  record DropColumn(String column, boolean ifExists, boolean cascade) implements AlterTableAction {}

  /**
   * {@code ALTER [COLUMN] column [SET DATA] TYPE type [COLLATE c] [USING expression]}.
   *
   * @param using the USING expression as written, or null
   */
  record AlterColumnType(String column, SqlType type, String collation, String using) implements AlterTableAction {}

  /** {@code ALTER [COLUMN] column SET NOT NULL}. */
  record SetNotNull(String column) implements AlterTableAction {}

  /** {@code ALTER [COLUMN] column DROP NOT NULL}. */
  record DropNotNull(String column) implements AlterTableAction {}

  /** {@code ALTER [COLUMN] column SET DEFAULT expression}. */
  record SetDefault(String column, String expression) implements AlterTableAction {}

  /** {@code ALTER [COLUMN] column DROP DEFAULT}. */
  record DropDefault(String column) implements AlterTableAction {}

  /** {@code ADD [CONSTRAINT name] CHECK|FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE … [NOT VALID]}. */
  record AddConstraint(TableConstraint constraint, boolean notValid) implements AlterTableAction {}

  /** {@code VALIDATE CONSTRAINT name}. */
  record ValidateConstraint(String name) implements AlterTableAction {}

  /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE]}. */
  record DropConstraint(String name, boolean ifExists, boolean cascade) implements AlterTableAction {}

  /** {@code RENAME TO new_name}. */
  record RenameTable(String newName) implements AlterTableAction {}

  /** {@code RENAME [COLUMN] from TO to}. */
  record RenameColumn(String from, String to) implements AlterTableAction {}

  /** {@code RENAME CONSTRAINT from TO to}. */
  record RenameConstraint(String from, String to) implements AlterTableAction {}

  /** {@code SET SCHEMA schema}. */
  record SetSchema(String schema) implements AlterTableAction {}

  /**
   * {@code ATTACH PARTITION partition FOR VALUES …|DEFAULT}.
   *
   * @param bound the partition bound as written ({@code FOR VALUES FROM (1) TO (10)}, {@code DEFAULT})
   */
  record AttachPartition(QualifiedName partition, String bound) implements AlterTableAction {}

  /** {@code DETACH PARTITION partition [CONCURRENTLY | FINALIZE]} ({@code finalizing} for FINALIZE). */
  record DetachPartition(QualifiedName partition, boolean concurrently, boolean finalizing)
      implements AlterTableAction {}

  /** {@code SET LOGGED} ({@code logged}) or {@code SET UNLOGGED}: both rewrite the table. */
  record SetLogged(boolean logged) implements AlterTableAction {}

  /** {@code SET TABLESPACE tablespace}: rewrites the table. */
  record SetTablespace(String tablespace) implements AlterTableAction {}

  /**
   * {@code ENABLE|DISABLE [ALWAYS|REPLICA] TRIGGER name|ALL|USER}.
   *
   * @param trigger the trigger name, or {@code ALL} / {@code USER} in upper case
   * @param mode {@code ALWAYS} or {@code REPLICA} when written, else null
   */
  record SetTrigger(boolean enabled, String trigger, String mode) implements AlterTableAction {}

  /** {@code OWNER TO role}. */
  record OwnerTo(String owner) implements AlterTableAction {}

  /**
   * Any other action (ROW LEVEL SECURITY, SET (storage options), REPLICA IDENTITY, identity
   * changes, …), kept as written.
   */
  record OtherAlterAction(String text) implements AlterTableAction {}
}
