package dev.migrationmcp.tools.sql;

import java.util.Set;

/**
 * Identifier folding and quoting as PostgreSQL does it. Two ways to quote, for two places:
 * {@link #quote} is {@code quote_ident} exactly (an identifier in DDL we write: the schema copy,
 * index definitions, lint fixes), {@link #quoteTypeName} leaves the type keywords bare
 * ({@code integer} is the grammar's name for {@code int4}, not a type called "integer").
 */
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

  /** Column-name keywords: usable as column names, but not as function or type names without quotes. */
  private static final Set<String> COLUMN_NAME_KEYWORDS = Set.of(
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
      "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "json_array",
      "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
      "json_serialize", "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
      "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
      "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
      "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
      "xmlserialize", "xmltable");

  /** Type and function name keywords: usable as those, not as column names without quotes. */
  private static final Set<String> TYPE_FUNCTION_NAME_KEYWORDS = Set.of(
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
      "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
      "right", "similar", "tablesample", "verbose");

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

  /**
   * Quotes {@code identifier} exactly as PostgreSQL's {@code quote_ident} does: left bare when it
   * starts with a lower-case letter or underscore, is made of those and digits only, and is not a
   * keyword that needs quoting somewhere (reserved, column-name or type/function-name).
   */
  public static String quote(String identifier) {
    boolean bare = isPlain(identifier) && !RESERVED.contains(identifier)
        && !COLUMN_NAME_KEYWORDS.contains(identifier) && !TYPE_FUNCTION_NAME_KEYWORDS.contains(identifier);
    return bare ? identifier : quoted(identifier);
  }

  /** {@code schema.name}, each part quoted as {@link #quote} does. */
  public static String qualified(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }

  /**
   * Quotes a type name only where PostgreSQL could not read it bare: not plain, or a reserved
   * keyword. Type keywords ({@code integer}, {@code timestamp}, {@code varchar}) stay bare: quoted
   * they would name a type that does not exist.
   */
  public static String quoteTypeName(String name) {
    return isPlain(name) && !RESERVED.contains(name) ? name : quoted(name);
  }

  private static boolean isPlain(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char first = s.charAt(0);
    if (!(first >= 'a' && first <= 'z' || first == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      // Like quote_ident: $ is legal in an unquoted identifier, but quote_ident quotes it anyway.
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
