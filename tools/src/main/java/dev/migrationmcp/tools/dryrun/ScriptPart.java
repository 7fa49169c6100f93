package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.sql.SqlScript;

/**
 * A script to run, with the file it came from (for reports) — the up migration, the down
 * migration, or one of several pending Flyway files.
 *
 * @param phase {@code up} or {@code down}
 * @param file path relative to the project, or null for SQL passed inline
 */
public record ScriptPart(String phase, String file, SqlScript script) {}
