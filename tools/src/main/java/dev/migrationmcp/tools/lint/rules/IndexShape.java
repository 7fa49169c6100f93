package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.schema.IndexInfo;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.IndexElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes two indexes of one table the same index: access method, keys in order (with operator
 * class, collation and direction), predicate and included columns, in a normalised spelling so
 * that an index written in a migration compares with one {@code pg_get_indexdef} printed.
 *
 * @param name the index's name, or null when PostgreSQL generates it
 * @param columns the plain column of each key, null for an expression key
 * @param keys each key normalised
 * @param predicate the normalised WHERE predicate, or null
 * @param predicateKnown false for a partial index whose predicate is not known
 * @param definition how to show it in a message
 */
record IndexShape(String name, String method, List<String> columns, List<String> keys, List<String> include,
    String predicate, boolean predicateKnown, boolean unique, String definition) {

  /** The shape of an index a migration creates. */
  static IndexShape of(CreateIndex ci) {
    List<String> columns = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (IndexElement e : ci.elements()) {
      columns.add(e.column());
      StringBuilder key = new StringBuilder(e.column() != null ? e.column() : e.expression());
      if (e.collation() != null) {
        key.append(" collate ").append(e.collation());
      }
      if (e.opclass() != null) {
        key.append(' ').append(e.opclass());
      }
      if (e.descending()) {
        key.append(" desc");
      }
      if (e.nulls() != null) {
        key.append(" nulls ").append(e.nulls());
      }
      keys.add(normalize(key.toString()));
    }
    String method = ci.method() == null ? "btree" : ci.method().toLowerCase(Locale.ROOT);
    String definition = method + " (" + String.join(", ", keys) + ")"
        + (ci.where() == null ? "" : " WHERE " + ci.where());
    return new IndexShape(ci.name(), method, columns, keys,
        ci.include().stream().map(IndexShape::normalize).toList(), predicate(ci.where()), true, ci.unique(),
        definition);
  }

  /** The btree index behind a PRIMARY KEY or UNIQUE constraint on {@code columns}. */
  static IndexShape constraint(String name, List<String> columns, List<String> include) {
    return new IndexShape(name, "btree", columns, columns.stream().map(IndexShape::normalize).toList(),
        include.stream().map(IndexShape::normalize).toList(), null, true, true,
        "btree (" + String.join(", ", columns) + ")");
  }

  /** The shape of a live index, read from its {@code pg_get_indexdef} definition when there is one. */
  static IndexShape of(IndexInfo index) {
    String method = index.method() == null ? "btree" : index.method().toLowerCase(Locale.ROOT);
    List<String> columns = new ArrayList<>();
    for (String c : index.columns()) {
      columns.add(c.startsWith("(") ? null : c.replace("\"", ""));
    }
    String def = index.definition();
    List<String> keys = new ArrayList<>();
    List<String> include = new ArrayList<>();
    String predicate = null;
    boolean predicateKnown = !index.partial();
    int using = def == null ? -1 : def.toUpperCase(Locale.ROOT).indexOf(" USING ");
    int open = using < 0 ? -1 : def.indexOf('(', using);
    int close = open < 0 ? -1 : closing(def, open);
    if (close > 0) {
      split(def.substring(open + 1, close)).forEach(k -> keys.add(normalize(k)));
      String rest = def.substring(close + 1);
      String upper = rest.toUpperCase(Locale.ROOT);
      int inc = upper.indexOf("INCLUDE (");
      if (inc >= 0) {
        int incOpen = rest.indexOf('(', inc);
        int incClose = closing(rest, incOpen);
        if (incClose > 0) {
          split(rest.substring(incOpen + 1, incClose)).forEach(k -> include.add(normalize(k)));
        }
      }
      int where = upper.indexOf(" WHERE ");
      if (where >= 0) {
        predicate = predicate(rest.substring(where + 7));
        predicateKnown = true;
      }
    } else {
      index.columns().forEach(c -> keys.add(normalize(c)));
    }
    return new IndexShape(index.name(), method, columns, keys, include, predicate, predicateKnown,
        index.unique() || index.primary(), def != null ? def.replaceFirst("(?i)^CREATE .*? USING ", "")
            : method + " (" + String.join(", ", index.columns()) + ")");
  }

  /** Whether an index of this shape already does all that {@code other} would: same keys, predicate and method. */
  boolean serves(IndexShape other) {
    return predicateKnown && other.predicateKnown && method.equals(other.method) && keys.equals(other.keys)
        && java.util.Objects.equals(predicate, other.predicate) && include.equals(other.include)
        && (unique || !other.unique);
  }

  /**
   * Whether lookups by {@code fkColumns} can use this index: its leading keys are exactly those
   * columns (in any order) and it is not partial.
   */
  boolean covers(List<String> fkColumns) {
    if (!predicateKnown || predicate != null || columns.size() < fkColumns.size()) {
      return false;
    }
    List<String> leading = columns.subList(0, fkColumns.size());
    return leading.stream().noneMatch(java.util.Objects::isNull)
        && new java.util.HashSet<>(leading).equals(new java.util.HashSet<>(fkColumns));
  }

  static String normalize(String key) {
    String k = key.replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    k = k.replaceAll(" asc$", "").replaceAll(" asc nulls last$", "").replaceAll("(desc) nulls first$", "$1");
    k = k.replaceAll("\\s*([(),:+*/<>=|-])\\s*", "$1");
    while (k.startsWith("(") && closing(k, 0) == k.length() - 1) {
      k = k.substring(1, k.length() - 1);
    }
    return k;
  }

  static String predicate(String where) {
    return where == null ? null
        : where.replace("\"", "").replace("(", "").replace(")", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
  }

  /** The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 when it never closes. */
  static int closing(String s, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Splits on the commas outside parentheses and quotes. */
  static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(list.substring(start, i).strip());
        start = i + 1;
      }
    }
    if (!list.substring(start).isBlank()) {
      out.add(list.substring(start).strip());
    }
    return out;
  }
}
