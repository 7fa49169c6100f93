package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [tables]} or {@code VACUUM (options) [tables]}.
 *
 * @param full {@code FULL} as a keyword or option: rewrites the table under ACCESS EXCLUSIVE
 * @param options every option as written, upper-cased ({@code FULL}, {@code ANALYZE}, {@code PARALLEL 4})
 * @param tables empty for the whole database
 */
public record Vacuum(boolean full, List<String> options, List<QualifiedName> tables) implements Statement {
  public Vacuum {
    options = List.copyOf(options);
    tables = List.copyOf(tables);
  }

  @Override
  public String kind() {
    return "VACUUM";
  }
}
