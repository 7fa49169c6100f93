package dev.migrationmcp.memory.history;

import java.time.OffsetDateTime;

/**
 * One row of {@code flyway_schema_history}.
 *
 * @param version null for a repeatable migration
 * @param script the script name Flyway recorded (file name, possibly with a sub-folder)
 * @param checksum Flyway's CRC32 checksum, null for baseline rows
 */
public record AppliedMigration(
    int installedRank,
    String version,
    String description,
    String type,
    String script,
    Integer checksum,
    String installedBy,
    OffsetDateTime installedOn,
    int executionTimeMs,
    boolean success) {}
