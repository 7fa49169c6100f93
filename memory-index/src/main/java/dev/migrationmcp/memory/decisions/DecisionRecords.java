package dev.migrationmcp.memory.decisions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the front matter of a decision record: a block between {@code ---} lines at the top with
 * {@code key: value} lines, where a list is {@code [a, b]} or indented {@code - item} lines and
 * values may be quoted. Anything else in the block is ignored; a file without front matter is
 * still a decision (title from its first heading).
 */
public final class DecisionRecords {
  /** File names the writer produces and the reader takes the id from: {@code 0007-some-title.md}. */
  static final Pattern NUMBERED = Pattern.compile("(\\d{1,9})-.*\\.md");
  private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][\\w-]*)\\s*:\\s*(.*)");
  private static final Pattern LIST_ITEM = Pattern.compile("\\s*-\\s+(.*)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#\\s+(.+)$");

  private DecisionRecords() {}

  public static DecisionRecord parse(String fileName, String markdown) {
    String text = markdown.replace("\r\n", "\n");
    Map<String, Object> front = new LinkedHashMap<>();
    String body = text;
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---", 3);
      if (end > 0) {
        front = frontMatter(text.substring(4, end));
        int after = text.indexOf('\n', end + 4);
        body = after < 0 ? "" : text.substring(after + 1);
      }
    }
    Matcher numbered = NUMBERED.matcher(fileName);
    String id = numbered.matches() ? numbered.group(1) : fileName.replaceFirst("\\.md$", "");
    String title = scalar(front.get("title"));
    if (title == null) {
      Matcher h = HEADING.matcher(body);
      title = h.find() ? h.group(1).strip() : fileName.replaceFirst("\\.md$", "").replace('-', ' ');
    }
    List<String> tables = list(front.get("tables")).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    return new DecisionRecord(id, title, scalar(front.get("date")), scalar(front.get("status")), tables,
        list(front.get("migrations")), body.strip());
  }

  private static Map<String, Object> frontMatter(String block) {
    Map<String, Object> out = new LinkedHashMap<>();
    String listKey = null;
    for (String line : block.split("\n")) {
      Matcher item = LIST_ITEM.matcher(line);
      if (listKey != null && item.matches()) {
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) out.computeIfAbsent(listKey, k -> new ArrayList<String>());
        list.add(unquote(item.group(1)));
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(line);
      if (!kv.matches()) {
        continue;
      }
      String key = kv.group(1).toLowerCase(Locale.ROOT);
      String value = kv.group(2).strip();
      listKey = null;
      if (value.isEmpty()) {
        listKey = key;
        out.put(key, new ArrayList<String>());
      } else if (value.startsWith("[") && value.endsWith("]")) {
        List<String> list = new ArrayList<>();
        for (String part : value.substring(1, value.length() - 1).split(",")) {
          if (!part.isBlank()) {
            list.add(unquote(part.strip()));
          }
        }
        out.put(key, list);
      } else {
        out.put(key, unquote(value));
      }
    }
    return out;
  }

  private static String unquote(String v) {
    String s = v.strip();
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      s = s.substring(1, s.length() - 1);
      s = v.strip().startsWith("\"") ? s.replace("\\\"", "\"").replace("\\\\", "\\") : s.replace("''", "'");
    }
    return s;
  }

  private static String scalar(Object value) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    if (value instanceof List<?> l && !l.isEmpty()) {
      return String.valueOf(l.get(0));
    }
    return null;
  }

  private static List<String> list(Object value) {
    if (value instanceof List<?> l) {
      return l.stream().map(String::valueOf).filter(s -> !s.isBlank()).toList();
    }
    if (value instanceof String s && !s.isBlank()) {
      List<String> out = new ArrayList<>();
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return out;
    }
    return List.of();
  }
}
