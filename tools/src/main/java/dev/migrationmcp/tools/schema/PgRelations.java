package dev.migrationmcp.tools.schema;

import java.sql.SQLException;
import java.util.List;

/** Tables, views, materialized views, sequences and foreign tables of the user schemas. */
final class PgRelations {
  private PgRelations() {}

  /** One {@code pg_class} row; {@code kind} is {@code relkind}. */
  record Row(long oid, String schema, String name, String kind, long rowsEstimate, long toastOid,
      String partitionOf, String partitionBound, String partitionKey, String comment) {

    boolean isTable() {
      return kind.equals("r") || kind.equals("p") || kind.equals("f");
    }

    boolean isView() {
      return kind.equals("v") || kind.equals("m");
    }

    String qualifiedName() {
      return schema + "." + name;
    }

    String kindName() {
      return switch (kind) {
        case "p" -> "partitioned table";
        case "f" -> "foreign table";
        default -> "table";
      };
    }
  }

  static List<Row> read(CatalogSession session, String schema) throws SQLException {
    return session.query("relations", ps -> {
      ps.setString(1, schema);
      ps.setString(2, schema);
    }, rs -> new Row(rs.getLong("oid"), rs.getString("schema_name"), rs.getString("name"), rs.getString("kind"),
        rs.getLong("rows_estimate"), rs.getLong("toast_oid"), rs.getString("partition_of"),
        rs.getString("partition_bound"), rs.getString("partition_key"), rs.getString("comment")));
  }
}
