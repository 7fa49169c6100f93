package dev.migrationmcp.tools.status;

/**
 * One complaint of Flyway's {@code validate}, as Flyway words it.
 *
 * @param code Flyway's error code ({@code CHECKSUM_MISMATCH}, {@code APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED}, …)
 */
public record ValidationError(String version, String path, String code, String message) {}
