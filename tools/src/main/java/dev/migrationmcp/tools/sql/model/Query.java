package dev.migrationmcp.tools.sql.model;

/**
 * A query: {@code SELECT}, {@code VALUES}, {@code TABLE}, or {@code WITH … SELECT}.
 *
 * @param into the table of {@code SELECT … INTO table} (which creates it), else null
 * @param modifiesData a data-modifying CTE ({@code WITH d AS (DELETE …) SELECT …})
 */
public record Query(String kind, QualifiedName into, boolean modifiesData) implements Statement {}
