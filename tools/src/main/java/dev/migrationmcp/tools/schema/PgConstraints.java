package dev.migrationmcp.tools.schema;

import java.sql.SQLException;
import java.util.List;

/**
 * Constraints of the selected tables and foreign keys pointing at them. Keys come as attnums
 * (labelled with {@link PgColumns#label}); definitions only in full detail.
 */
final class PgConstraints {
  private PgConstraints() {}

  record Row(long tableOid, String name, String type, String definition, boolean validated, int[] keys,
      String schema, String table, long refOid, String refSchema, String refTable, int[] refKeys,
      String onDelete, String onUpdate) {

    String qualifiedTable() {
      return schema + "." + table;
    }
  }

  static List<Row> read(CatalogSession session, String oids, boolean definitions) throws SQLException {
    if (oids.equals("{}")) {
      return List.of();
    }
    return session.query("constraints", ps -> {
      ps.setBoolean(1, definitions);
      ps.setString(2, oids);
      ps.setString(3, oids);
    }, rs -> new Row(rs.getLong("oid"), rs.getString("name"), rs.getString("type"), rs.getString("definition"),
        rs.getBoolean("validated"), CatalogSession.ints(rs.getArray("keys")), rs.getString("schema_name"),
        rs.getString("table_name"), rs.getLong("ref_oid"), rs.getString("ref_schema"), rs.getString("ref_table"),
        CatalogSession.ints(rs.getArray("ref_keys")), action(rs.getString("on_delete")),
        action(rs.getString("on_update"))));
  }

  private static String action(String code) {
    return switch (code == null ? "" : code) {
      case "r" -> "RESTRICT";
      case "c" -> "CASCADE";
      case "n" -> "SET NULL";
      case "d" -> "SET DEFAULT";
      default -> "NO ACTION";
    };
  }
}
