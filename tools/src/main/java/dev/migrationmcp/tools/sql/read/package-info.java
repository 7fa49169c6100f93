/**
 * The project's own reader for the DDL subset that carries migration hazards: a recursive-descent
 * reader over {@link dev.migrationmcp.tools.sql.SqlLexer} tokens producing the
 * {@link dev.migrationmcp.tools.sql.model statement model}. {@link
 * dev.migrationmcp.tools.sql.read.ScriptReader} is the entry point; JSqlParser is used only where
 * it reads PostgreSQL correctly (queries), through {@link dev.migrationmcp.tools.sql.read.JSqlParserAdapter}.
 */
package dev.migrationmcp.tools.sql.read;
