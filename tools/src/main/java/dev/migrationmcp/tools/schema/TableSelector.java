package dev.migrationmcp.tools.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matches requested table names against the relations that exist. A request is a name, a
 * {@code schema.name}, or a pattern with {@code *} (any characters) and {@code ?} (one).
 * Matching happens in Java over the relation list, so client text never reaches SQL.
 */
final class TableSelector {
  private TableSelector() {}

  /** A relation that can be selected: its schema and name. */
  record Candidate(long oid, String schema, String name) {
    String qualified() {
      return schema + "." + name;
    }
  }

  /**
   * Returns the oids matching every request, in request order.
   *
   * @throws UnknownTableException for the first request that matches nothing
   */
  static Set<Long> select(List<String> requests, List<Candidate> candidates) {
    Set<Long> selected = new LinkedHashSet<>();
    for (String raw : requests) {
      String request = raw == null ? "" : raw.trim();
      if (request.isEmpty()) {
        throw new IllegalArgumentException("an empty table name was requested");
      }
      Pattern pattern = toPattern(request);
      boolean qualified = request.contains(".");
      List<Long> matched = new ArrayList<>();
      for (Candidate c : candidates) {
        String subject = qualified ? c.qualified() : c.name();
        if (pattern.matcher(subject).matches()) {
          matched.add(c.oid());
        }
      }
      if (matched.isEmpty()) {
        throw new UnknownTableException(request, suggestions(request, candidates));
      }
      selected.addAll(matched);
    }
    return selected;
  }

  private static Pattern toPattern(String request) {
    String unquoted = request.replace("\"", "");
    StringBuilder regex = new StringBuilder();
    for (char ch : unquoted.toCharArray()) {
      switch (ch) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    // PostgreSQL folds unquoted names to lower case; accept Orders for orders.
    boolean quoted = request.contains("\"");
    return Pattern.compile(regex.toString(), quoted ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** Up to three existing names closest to the request by edit distance. */
  static List<String> suggestions(String request, List<Candidate> candidates) {
    String needle = request.toLowerCase(Locale.ROOT).replace("*", "").replace("?", "");
    String bare = needle.contains(".") ? needle.substring(needle.lastIndexOf('.') + 1) : needle;
    return candidates.stream()
        .map(Candidate::qualified)
        .distinct()
        .sorted(Comparator.comparingInt((String q) -> distance(bare, q.substring(q.indexOf('.') + 1).toLowerCase(Locale.ROOT)))
            .thenComparing(q -> q))
        .filter(q -> distance(bare, q.substring(q.indexOf('.') + 1).toLowerCase(Locale.ROOT)) <= Math.max(3, bare.length() / 2))
        .limit(3)
        .toList();
  }

  private static int distance(String a, String b) {
    if (a.length() > 200 || b.length() > 200) {
      return Integer.MAX_VALUE / 2;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
