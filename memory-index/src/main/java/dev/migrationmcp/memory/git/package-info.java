/** Reads the git history of migration files through the {@code git} command line, when there is one. */
package dev.migrationmcp.memory.git;
