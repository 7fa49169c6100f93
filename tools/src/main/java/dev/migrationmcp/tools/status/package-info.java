/** Where a database stands against the project's migrations: Flyway's view plus schema drift. */
package dev.migrationmcp.tools.status;
