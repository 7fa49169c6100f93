package dev.migrationmcp.memory.index;

/**
 * Reads which tables, columns and operations a migration script touches. The index depends only
 * on this interface: {@link MigrationFacts} (regular expressions) serves until the project's own
 * statement model ({@code tools.sql}) can take its place.
 */
@FunctionalInterface
public interface FactExtractor {
  /** Never throws: a script it cannot read yields what it could read, possibly {@link TouchedObjects#NONE}. */
  TouchedObjects extract(String sql);
}
