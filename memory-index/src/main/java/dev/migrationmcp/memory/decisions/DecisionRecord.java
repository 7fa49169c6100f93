package dev.migrationmcp.memory.decisions;

import java.util.List;

/**
 * A decision record as read from its markdown file.
 *
 * @param id the number in the file name ({@code 0007}), or the file name without {@code .md}
 * @param title front matter {@code title}, else the first {@code # } heading, else the file name
 * @param date front matter {@code date} as written (ISO date expected), may be null
 * @param status front matter {@code status}, may be null
 * @param tables front matter {@code tables}, lower-case
 * @param migrations front matter {@code migrations} (versions or file names)
 * @param body the markdown after the front matter
 */
public record DecisionRecord(
    String id, String title, String date, String status, List<String> tables, List<String> migrations, String body) {
  public DecisionRecord {
    tables = List.copyOf(tables);
    migrations = List.copyOf(migrations);
  }
}
