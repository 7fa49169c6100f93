package dev.migrationmcp.tools.sql;

import java.util.Set;

/** Identifier folding and quoting as PostgreSQL does it. */
public final class Identifiers {
  /** Words that must be quoted to be used as a plain identifier (PostgreSQL reserved keywords). */
  private static final Set<String> RESERVED = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
      "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
      "current_date", "current_role", "current_time", "current_timestamp", "current_user",
      "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
      "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
      "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on",
      "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing",
      "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with");

  private Identifiers() {}

  /** Folds an unquoted identifier to lower case; like PostgreSQL, only ASCII letters change. */
  public static String fold(String word) {
    int i = 0;
    while (i < word.length() && !(word.charAt(i) >= 'A' && word.charAt(i) <= 'Z')) {
      i++;
    }
    if (i == word.length()) {
      return word;
    }
    char[] chars = word.toCharArray();
    for (; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /** True when {@code name} is a reserved keyword in PostgreSQL. */
  public static boolean isReserved(String name) {
    return RESERVED.contains(name);
  }

  /** Quotes {@code name} when PostgreSQL would not read it back unchanged without quotes. */
  public static String quoteIfNeeded(String name) {
    boolean plain = !name.isEmpty() && !isReserved(name);
    for (int i = 0; plain && i < name.length(); i++) {
      char c = name.charAt(i);
      plain = (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && ((c >= '0' && c <= '9') || c == '$'));
    }
    return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
