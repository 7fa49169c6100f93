/** Builds and refreshes the Lucene index of migration files, their git history, Flyway history and decision records. */
package dev.migrationmcp.memory.index;
