/**
 * The migration linter: an engine that runs pure rules ({@code lint.rules}, one class each) over
 * the statement model, with the script's state, the settings and an optional live schema.
 */
package dev.migrationmcp.tools.lint;
