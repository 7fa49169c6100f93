package dev.migrationmcp.tools.schema;

import java.util.Set;

/**
 * Quotes identifiers exactly as PostgreSQL's {@code quote_ident} does: left bare when lower case,
 * starting with a letter or underscore, made of letters, digits, {@code _} and {@code $}, and not a
 * keyword that needs quoting (reserved, column-name and type/function-name keywords).
 */
public final class Identifiers {
  private static final Set<String> KEYWORDS = Set.of(
      // reserved
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
      "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
      "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
      "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
      "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
      "unique", "user", "using", "variadic", "when", "where", "window", "with",
      // column-name keywords
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
      "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "json_array",
      "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
      "json_serialize", "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
      "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
      "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
      "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
      "xmlserialize", "xmltable",
      // type and function name keywords
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
      "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
      "right", "similar", "tablesample", "verbose");

  private Identifiers() {}

  public static String quote(String identifier) {
    if (isSafe(identifier) && !KEYWORDS.contains(identifier)) {
      return identifier;
    }
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** {@code schema.name}, each part quoted as needed. */
  public static String qualified(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }

  private static boolean isSafe(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char first = s.charAt(0);
    if (!(first >= 'a' && first <= 'z' || first == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
        return false;
      }
    }
    return true;
  }
}
