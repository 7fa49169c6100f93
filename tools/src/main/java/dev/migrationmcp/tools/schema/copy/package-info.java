/**
 * A schema-only copy of a live database, generated from its catalog in Java (pg_dump may be
 * missing or of another major version): ordered DDL, a fingerprint, and the applier that builds it.
 */
package dev.migrationmcp.tools.schema.copy;
