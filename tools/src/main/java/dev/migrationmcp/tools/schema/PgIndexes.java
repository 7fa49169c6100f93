package dev.migrationmcp.tools.schema;

import dev.migrationmcp.tools.sql.Identifiers;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Indexes of the selected tables; definitions only in full detail. */
final class PgIndexes {
  private PgIndexes() {}

  record Row(long tableOid, long indexOid, String name, boolean plain, String definition, boolean unique,
      boolean primary, boolean valid, boolean partial, int keyCount, String method, int[] keys, String schema,
      String table, String shape) {

    /**
     * The definition: PostgreSQL's, or for a plain index the same text spelled here
     * ({@code CREATE [UNIQUE] INDEX name ON schema.table USING method (a, b)}).
     */
    String definition(Map<Integer, String> columnNames) {
      if (definition != null || !plain) {
        return definition;
      }
      return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + Identifiers.quote(name) + " ON "
          + Identifiers.qualified(schema, table) + " USING " + method + " ("
          + PgColumns.label(keys, columnNames, keyCount).stream().map(Identifiers::quote).collect(Collectors.joining(", "))
          + ")";
    }
  }

  static List<Row> read(CatalogSession session, String oids, boolean definitions, int serverVersionNum)
      throws SQLException {
    if (oids.equals("{}")) {
      return List.of();
    }
    String sql = CatalogSql.get("indexes").replace("/*NULLS_DISTINCT*/",
        serverVersionNum >= 150000 ? "AND NOT i.indnullsnotdistinct" : "");
    return session.querySql(sql, ps -> {
      ps.setString(1, oids);
      ps.setBoolean(2, definitions);
    }, rs -> new Row(rs.getLong("oid"), rs.getLong("index_oid"), rs.getString("name"), rs.getBoolean("plain"),
        rs.getString("definition"), rs.getBoolean("is_unique"), rs.getBoolean("is_primary"), rs.getBoolean("is_valid"),
        rs.getBoolean("partial"), rs.getInt("key_count"), rs.getString("method"),
        CatalogSession.ints(rs.getArray("keys")), rs.getString("schema_name"), rs.getString("table_name"),
        rs.getString("shape")));
  }
}
