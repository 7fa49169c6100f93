package dev.migrationmcp.tools.schema;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Bytes on disk: per relation (tables, TOAST, indexes) and per table (all three summed). */
final class PgSizes {
  private PgSizes() {}

  record Sizes(Map<Long, Long> byRelation, Map<Long, Long> totalByTable) {
    long relation(long oid) {
      return byRelation.getOrDefault(oid, 0L);
    }

    long table(long oid) {
      return totalByTable.getOrDefault(oid, 0L);
    }
  }

  static Sizes read(CatalogSession session, String tableOids) throws SQLException {
    Map<Long, Long> byRelation = new HashMap<>();
    Map<Long, Long> byTable = new HashMap<>();
    if (!tableOids.equals("{}")) {
      session.query("sizes", ps -> ps.setString(1, tableOids), rs -> {
        long bytes = rs.getLong(3);
        byRelation.put(rs.getLong(1), bytes);
        return byTable.merge(rs.getLong(2), bytes, Long::sum);
      });
    }
    return new Sizes(byRelation, byTable);
  }
}
