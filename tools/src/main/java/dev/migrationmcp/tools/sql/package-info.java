/**
 * Reading SQL the way PostgreSQL does: the lexer, the script splitter with exact positions, and
 * identifier rules shared by the statement reader ({@code sql.read}) and model ({@code sql.model}).
 */
package dev.migrationmcp.tools.sql;
