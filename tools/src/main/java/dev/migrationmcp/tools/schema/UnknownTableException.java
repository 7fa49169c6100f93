package dev.migrationmcp.tools.schema;

import java.util.List;

/** A requested table does not exist; the message lists the closest names that do. */
public final class UnknownTableException extends RuntimeException {
  private final List<String> suggestions;

  public UnknownTableException(String requested, List<String> suggestions) {
    super("no table or view matches '" + requested + "'"
        + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?")
        + " Call inspect_schema without tables to list them all.");
    this.suggestions = List.copyOf(suggestions);
  }

  public List<String> suggestions() {
    return suggestions;
  }
}
