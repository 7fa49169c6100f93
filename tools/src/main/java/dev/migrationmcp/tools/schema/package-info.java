/** Live catalog introspection: immutable snapshot records read with a few set-based queries. */
package dev.migrationmcp.tools.schema;
