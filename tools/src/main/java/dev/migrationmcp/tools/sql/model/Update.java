package dev.migrationmcp.tools.sql.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code [WITH …] UPDATE [ONLY] table [[AS] alias] SET … [FROM …] [WHERE …] [RETURNING …]}.
 *
 * @param setColumns the assigned columns in order, duplicates kept ({@code (a, b) = …} gives both)
 * @param hasLimit a top-level {@code LIMIT}, which PostgreSQL rejects in UPDATE
 */
public record Update(QualifiedName table, boolean only, String alias, List<String> setColumns, boolean hasWhere,
    boolean hasFrom, boolean hasLimit, boolean hasReturning) implements Statement {
  public Update {
    setColumns = List.copyOf(setColumns);
  }

  @Override
  public String kind() {
    return "UPDATE";
  }

  /** Columns assigned more than once, in order of their second assignment. */
  public List<String> duplicateAssignments() {
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (String c : setColumns) {
      if (!seen.add(c) && !duplicates.contains(c)) {
        duplicates.add(c);
      }
    }
    return duplicates;
  }
}
