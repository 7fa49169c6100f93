package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}.
 *
 * @param name the object reindexed; null for {@code DATABASE}/{@code SYSTEM} without a name
 * @param concurrently {@code CONCURRENTLY} written as a keyword or as an option
 * @param options the parenthesised options as written, upper-cased ({@code VERBOSE}, {@code TABLESPACE x})
 */
public record Reindex(Target target, QualifiedName name, boolean concurrently, List<String> options)
    implements Statement {
  /** What is reindexed. */
  public enum Target { INDEX, TABLE, SCHEMA, DATABASE, SYSTEM }

  public Reindex {
    options = List.copyOf(options);
  }

  @Override
  public String kind() {
    return "REINDEX";
  }
}
