/** Reads Flyway's {@code flyway_schema_history} table: when each migration was applied, by whom, how long it took. */
package dev.migrationmcp.memory.history;
