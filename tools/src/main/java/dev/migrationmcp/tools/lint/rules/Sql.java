package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers for writing the SQL of fixes. */
final class Sql {
  private Sql() {}

  static String name(QualifiedName n) {
    return n.sql();
  }

  static String quote(String identifier) {
    return dev.migrationmcp.tools.sql.Identifiers.quote(identifier);
  }

  static String columns(List<String> columns) {
    return columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }

  /** A readable index name: {@code orders_customer_id_idx}, at most 63 bytes. */
  static String indexName(QualifiedName table, List<String> columns, String suffix) {
    String base = table.name() + "_" + String.join("_", columns) + "_" + suffix;
    base = base.replaceAll("[^a-zA-Z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
    return base.length() <= 63 ? base : base.substring(0, 63);
  }

  /** The statement text without its trailing semicolon and with one space per run of blanks. */
  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
