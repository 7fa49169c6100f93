/** Identifier-aware analysis: small token filters chained into the prose, SQL and facts analyzers. */
package dev.migrationmcp.memory.analysis;
