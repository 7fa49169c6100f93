/**
 * The statement model: what a migration statement does, as records. Every statement a script
 * holds becomes one {@link dev.migrationmcp.tools.sql.model.Statement}: a modelled record, an
 * {@link dev.migrationmcp.tools.sql.model.OtherStatement} classified by kind, or an
 * {@link dev.migrationmcp.tools.sql.model.Unparsed} with the reason. Names are folded as
 * PostgreSQL folds them (unquoted to lower case, quoted kept); expressions are kept as source text.
 */
package dev.migrationmcp.tools.sql.model;
