package dev.migrationmcp.tools.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Table names that start with a prefix, for argument completion: one cheap catalog query in a
 * READ ONLY transaction with a short statement timeout. The prefix reaches SQL only as a bind
 * parameter.
 */
public final class TableNames {
  private TableNames() {}

  /**
   * @param prefix matched case-insensitively against {@code name} (public) or {@code schema.name}
   * @param limit at most this many names, sorted
   */
  public static List<String> startingWith(Connection connection, String prefix, int limit, int statementTimeoutMs)
      throws SQLException {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    try (CatalogSession session = new CatalogSession(connection, statementTimeoutMs, null)) {
      return session.query("table_names", ps -> {
        ps.setString(1, prefix == null ? "" : prefix);
        ps.setInt(2, limit);
      }, rs -> rs.getString(1));
    }
  }
}
