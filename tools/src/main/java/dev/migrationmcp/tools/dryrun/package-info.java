/**
 * Dry runs: a migration executed for real on a disposable clone (or inside a rolled-back
 * transaction on the live database), observed statement by statement, with nothing kept.
 */
package dev.migrationmcp.tools.dryrun;
