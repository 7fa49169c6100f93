package dev.migrationmcp.tools.sql.model;

import dev.migrationmcp.tools.sql.Identifiers;
import java.util.List;

/**
 * A data type, normalised to the name {@code format_type} shows, so rules compare like with like:
 * {@code int4} and {@code int} are {@code integer}, {@code varchar(20)} is {@code character
 * varying} with modifier {@code 20}, {@code timestamptz} is {@code timestamp with time zone}.
 * Serial types are their integer type with {@code serial} set ({@code bigserial} is {@code bigint},
 * serial).
 *
 * @param schema the schema when written qualified (other than {@code pg_catalog}), else null
 * @param name the normalised type name
 * @param modifiers type modifiers as written ({@code ["10", "2"]} for {@code numeric(10,2)})
 * @param arrayDimensions 0 for a scalar, 1 for {@code text[]}, 2 for {@code int[][]}
 * @param serial written as {@code serial}, {@code bigserial}, {@code smallserial} (or 2/4/8)
 * @param text the type exactly as written
 */
public record SqlType(
    String schema, String name, List<String> modifiers, int arrayDimensions, boolean serial, String text) {
  public SqlType {
    modifiers = List.copyOf(modifiers);
  }

  /** A built-in scalar type without modifiers, as for comparisons in tests and rules. */
  public static SqlType of(String name) {
    return new SqlType(null, name, List.of(), 0, false, name);
  }

  public boolean isArray() {
    return arrayDimensions > 0;
  }

  /** The name without modifiers or array brackets, schema-qualified when written so. */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }

  /** The first modifier as a number ({@code 20} for {@code varchar(20)}), or -1 when absent. */
  public int length() {
    if (modifiers.isEmpty()) {
      return -1;
    }
    try {
      return Integer.parseInt(modifiers.get(0).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Canonical SQL: {@code character varying(20)[]}, {@code timestamp(3) with time zone}. */
  public String sql() {
    StringBuilder sb = new StringBuilder();
    if (schema != null) {
      sb.append(Identifiers.quote(schema)).append('.');
    }
    String mods = modifiers.isEmpty() ? "" : "(" + String.join(",", modifiers) + ")";
    if (name.endsWith(" with time zone") || name.endsWith(" without time zone")) {
      int space = name.indexOf(' ');
      sb.append(name, 0, space).append(mods).append(name.substring(space));
    } else if (name.startsWith("interval ") && !mods.isEmpty()) {
      sb.append(name).append(mods);
    } else {
      String spelled = schema == null && isBuiltInSpelling(name) ? name : Identifiers.quoteTypeName(name);
      if (schema == null && name.equals("char")) {
        spelled = "\"char\""; // unquoted, char means character(1)
      }
      sb.append(spelled).append(mods);
    }
    sb.append("[]".repeat(arrayDimensions));
    return sb.toString();
  }

  /** Multi-word built-in names are written unquoted; everything else is quoted as needed. */
  private static boolean isBuiltInSpelling(String name) {
    return name.indexOf(' ') > 0;
  }

  @Override
  public String toString() {
    return sql();
  }
}
