package dev.migrationmcp.tools.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The small catalogs: schemas, triggers, view definitions, enums, sequences, extensions. */
final class PgObjects {
  private PgObjects() {}

  record Named<T>(String schema, T value) {}

  static List<String> schemaNames(CatalogSession session, String schema) throws SQLException {
    return session.query("schemas", ps -> {
      ps.setString(1, schema);
      ps.setString(2, schema);
    }, rs -> rs.getString(1));
  }

  static Map<Long, List<TriggerInfo>> triggers(CatalogSession session, String oids) throws SQLException {
    Map<Long, List<TriggerInfo>> out = new HashMap<>();
    if (!oids.equals("{}")) {
      session.query("triggers", ps -> ps.setString(1, oids), rs -> out.computeIfAbsent(rs.getLong("oid"),
          k -> new ArrayList<>()).add(new TriggerInfo(rs.getString("name"), rs.getString("definition"), rs.getBoolean("enabled"))));
    }
    return out;
  }

  static Map<Long, String> viewDefinitions(CatalogSession session, String oids) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    if (!oids.equals("{}")) {
      session.query("views", ps -> ps.setString(1, oids), rs -> out.put(rs.getLong(1), rs.getString(2).strip()));
    }
    return out;
  }

  static List<Named<EnumInfo>> enums(CatalogSession session, String schema) throws SQLException {
    return session.query("enums", ps -> {
      ps.setString(1, schema);
      ps.setString(2, schema);
    }, rs -> new Named<>(rs.getString("schema_name"),
        new EnumInfo(rs.getString("name"), CatalogSession.strings(rs.getArray("labels")))));
  }

  static List<Named<SequenceInfo>> sequences(CatalogSession session, String schema) throws SQLException {
    return session.query("sequences", ps -> {
      ps.setString(1, schema);
      ps.setString(2, schema);
    }, rs -> new Named<>(rs.getString("schema_name"),
        new SequenceInfo(rs.getString("name"), rs.getString("data_type"), rs.getString("owned_by"))));
  }

  static List<Named<ExtensionInfo>> extensions(CatalogSession session) throws SQLException {
    return session.query("extensions", ps -> { },
        rs -> new Named<>(rs.getString("schema_name"), new ExtensionInfo(rs.getString("name"), rs.getString("version"))));
  }
}
