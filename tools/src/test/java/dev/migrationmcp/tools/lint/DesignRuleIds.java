package dev.migrationmcp.tools.lint;

import java.util.Set;

/** The rule ids DESIGN.md promises (a contract: the registry must have every one). */
final class DesignRuleIds {
  static final Set<String> ALL = Set.of(
      "create-index-non-concurrently", "drop-index-non-concurrently", "reindex-non-concurrently",
      "concurrently-in-transaction", "add-column-volatile-default", "add-column-not-null-no-default",
      "add-stored-generated-or-serial-column", "alter-column-type", "set-not-null", "add-constraint-not-valid-missing",
      "add-foreign-key-locks-both-tables", "add-unique-constraint", "add-primary-key", "missing-lock-timeout",
      "vacuum-full-or-cluster", "refresh-matview-non-concurrently", "multiple-exclusive-locks-in-transaction",
      "enum-add-value-in-transaction",
      "drop-table", "drop-column", "drop-schema-or-database", "truncate", "rename-table", "rename-column",
      "update-or-delete-without-where", "unbatched-backfill", "invalid-postgres-syntax",
      "prefer-bigint", "prefer-text-over-varchar", "prefer-timestamptz", "prefer-identity-over-serial", "ban-char-type",
      "prefer-jsonb",
      "foreign-key-without-index", "unknown-object", "duplicate-index", "not-null-on-column-with-nulls",
      "drop-with-dependents", "large-table",
      "drop-not-null", "add-exclusion-constraint", "detach-partition-non-concurrently", "alter-domain-add-constraint",
      "create-domain-with-constraint", "duplicate-column-assignment", "uncommitted-transaction", "transaction-nesting",
      "identifier-too-long", "prefer-robust-statements", "missing-statement-timeout", "enum-add-value-position",
      "schema-qualified-names", "combine-alter-table", "primary-key-using-index-sets-not-null",
      "index-concurrently-corruption-pg14", "rename-schema", "rename-enum-value", "wide-non-unique-index",
      "flyway-file-name", "flyway-applied-migration-modified", "flyway-non-transactional-statement");

  private DesignRuleIds() {}
}
