package dev.migrationmcp.memory.index;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The "why" written inside a migration: its leading comment block (everything commented before
 * the first statement) followed by the inline comments, markers stripped. Flyway placeholders
 * and lint suppressions are kept: a suppression carries its reason.
 */
public final class Rationale {
  private static final Pattern RULER = Pattern.compile("[-=*#/\\s]*");

  private Rationale() {}

  public static String of(String sql) {
    List<String> leading = new ArrayList<>();
    List<String> inline = new ArrayList<>();
    for (SqlText.Comment c : SqlText.comments(sql)) {
      if (c.text().isBlank() || RULER.matcher(c.text()).matches()) {
        continue;
      }
      (c.leading() ? leading : inline).add(c.text());
    }
    String head = String.join("\n", leading).strip();
    String tail = String.join("\n", inline).strip();
    if (head.isEmpty()) {
      return tail;
    }
    return tail.isEmpty() ? head : head + "\n\n" + tail;
  }
}
