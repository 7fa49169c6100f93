package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -- migration-mcp:ignore <rule-id> <reason>} on the lines right before a statement
 * silences that rule for that statement. A reason is expected; an unknown id is an error and a
 * suppression that silences nothing is reported, so stale ones do not pile up.
 */
final class Suppressions {
  private static final Pattern IGNORE = Pattern.compile("migration-mcp:ignore\\s+([a-z0-9-]+)\\s*(.*)");

  record Suppression(String rule, String reason, int statementIndex, ReadStatement statement) {}

  private Suppressions() {}

  static List<Suppression> of(List<ReadStatement> statements) {
    List<Suppression> out = new ArrayList<>();
    for (ReadStatement s : statements) {
      for (String line : s.source().leadingCommentLines()) {
        Matcher m = IGNORE.matcher(line);
        if (m.find()) {
          out.add(new Suppression(m.group(1), m.group(2).strip(), s.index(), s));
        }
      }
    }
    return out;
  }
}
