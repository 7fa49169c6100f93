package dev.migrationmcp.tools.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Columns: full detail for the selected relations, or just names by number to label keys. */
final class PgColumns {
  private PgColumns() {}

  /** Column names by attnum, per relation. */
  static Map<Long, Map<Integer, String>> names(CatalogSession session, String oids) throws SQLException {
    Map<Long, Map<Integer, String>> out = new HashMap<>();
    if (!oids.equals("{}")) {
      for (Object[] row : session.query("attnames", ps -> ps.setString(1, oids),
          rs -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)})) {
        out.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((Integer) row[1], (String) row[2]);
      }
    }
    return out;
  }

  /** Column names by attnum, from columns read in full. */
  static Map<Long, Map<Integer, String>> namesOf(Map<Long, List<ColumnInfo>> columns) {
    Map<Long, Map<Integer, String>> out = new HashMap<>();
    columns.forEach((oid, cols) -> {
      Map<Integer, String> byNum = new HashMap<>();
      cols.forEach(c -> byNum.put(c.number(), c.name()));
      out.put(oid, byNum);
    });
    return out;
  }

  static Map<Long, List<ColumnInfo>> read(CatalogSession session, String oids) throws SQLException {
    Map<Long, List<ColumnInfo>> out = new HashMap<>();
    if (oids.equals("{}")) {
      return out;
    }
    session.query("columns", ps -> ps.setString(1, oids), rs -> {
      out.computeIfAbsent(rs.getLong("oid"), k -> new ArrayList<>()).add(new ColumnInfo(rs.getInt("num"), rs.getString("name"),
          rs.getString("type"), rs.getBoolean("nullable"), rs.getString("default_value"), rs.getString("identity"),
          rs.getString("generated")));
      return null;
    });
    return out;
  }

  /** Labels attnums with names; 0 (an expression key) becomes {@code (expression)}. */
  static List<String> label(int[] keys, Map<Integer, String> names, int limit) {
    List<String> out = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length && i < limit; i++) {
      out.add(keys[i] == 0 ? "(expression)" : names.getOrDefault(keys[i], "#" + keys[i]));
    }
    return out;
  }
}
