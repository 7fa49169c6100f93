package dev.migrationmcp.tools.schema;

/**
 * Something in the live schema worth knowing before writing a migration.
 *
 * @param kind {@code foreign-key-without-index}, {@code invalid-index}, {@code duplicate-index}
 *     or {@code table-without-primary-key}
 * @param fix SQL that resolves it, when there is an obvious one
 */
public record SchemaFinding(String kind, String severity, String table, String message, String fix) {}
