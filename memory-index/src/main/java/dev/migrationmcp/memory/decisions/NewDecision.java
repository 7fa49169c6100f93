package dev.migrationmcp.memory.decisions;

import java.util.List;

/**
 * What {@code record_decision} is asked to write.
 *
 * @param title one line, the decision in a few words
 * @param decision what was decided and why (markdown)
 * @param context the situation that called for it (optional markdown)
 * @param tables tables it concerns (optional)
 * @param migrations related migration versions or file names (optional)
 * @param status proposed, accepted (default), rejected, deprecated or superseded
 */
public record NewDecision(String title, String decision, String context, List<String> tables, List<String> migrations,
    String status) {
  public NewDecision {
    tables = tables == null ? List.of() : List.copyOf(tables);
    migrations = migrations == null ? List.of() : List.copyOf(migrations);
  }
}
