package dev.migrationmcp.memory.index;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexical pass over a SQL script that knows comments, string literals, quoted identifiers and
 * dollar quotes: it yields the statements with comments removed and literals emptied (so a
 * keyword inside a string or comment is never mistaken for code), and the comments themselves.
 */
final class SqlText {
  private SqlText() {}

  /** One comment: its text without the markers, and whether code preceded it in the script. */
  record Comment(String text, boolean leading) {}

  /** The script's comments in order; {@code leading} ones come before the first statement. */
  static List<Comment> comments(String sql) {
    List<Comment> out = new ArrayList<>();
    scan(sql, null, out);
    return out;
  }

  /** The statements, comments removed, literals emptied, whitespace collapsed, lower-cased. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    scan(sql, out, null);
    return out;
  }

  private static void scan(String sql, List<String> statements, List<Comment> comments) {
    StringBuilder current = new StringBuilder();
    boolean seenCode = false;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        if (comments != null) {
          comments.add(new Comment(sql.substring(i + 2, end).strip(), !seenCode));
        }
        current.append(' ');
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int depth = 1;
        int j = i + 2;
        while (j < n && depth > 0) {
          if (sql.startsWith("/*", j)) {
            depth++;
            j += 2;
          } else if (sql.startsWith("*/", j)) {
            depth--;
            j += 2;
          } else {
            j++;
          }
        }
        int bodyEnd = depth == 0 ? j - 2 : n;
        if (comments != null) {
          comments.add(new Comment(cleanBlock(sql.substring(i + 2, Math.max(i + 2, bodyEnd))), !seenCode));
        }
        current.append(' ');
        i = j;
      } else if (c == '\'') {
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == '\'') {
            if (j + 1 < n && sql.charAt(j + 1) == '\'') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        current.append("''");
        seenCode = true;
        i = Math.min(n, j + 1);
      } else if (c == '"') {
        int j = sql.indexOf('"', i + 1);
        j = j < 0 ? n - 1 : j;
        current.append(sql, i, j + 1);
        seenCode = true;
        i = j + 1;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        current.append(" $$ ");
        seenCode = true;
        i = close < 0 ? n : close + tag.length();
      } else if (c == ';') {
        flush(current, statements);
        i++;
      } else {
        if (!Character.isWhitespace(c)) {
          seenCode = true;
        }
        current.append(c);
        i++;
      }
    }
    flush(current, statements);
  }

  private static String dollarTag(String sql, int i) {
    if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
      return null;
    }
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
      return sql.substring(i, j + 1);
    }
    return null;
  }

  private static String cleanBlock(String body) {
    StringBuilder sb = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      String l = line.strip();
      if (l.startsWith("*")) {
        l = l.substring(1).strip();
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(l);
    }
    return sb.toString().strip();
  }

  private static void flush(StringBuilder current, List<String> statements) {
    if (statements != null) {
      String s = current.toString().replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
      if (!s.isEmpty()) {
        statements.add(s);
      }
    }
    current.setLength(0);
  }
}
