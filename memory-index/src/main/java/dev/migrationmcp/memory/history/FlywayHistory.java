package dev.migrationmcp.memory.history;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Flyway's history table in a READ ONLY transaction with a statement timeout, leaving the
 * connection as it found it. The table is looked up by name (default {@code
 * flyway_schema_history}) in the schemas on the search path first, then in any schema; a database
 * without it simply has no history. The table name reaches SQL only as a bind parameter; the
 * query itself uses the quoted names the catalog returned.
 */
public final class FlywayHistory {
  public static final String DEFAULT_TABLE = "flyway_schema_history";
  private static final String FIND_TABLE = """
      SELECT n.nspname, c.relname
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relname = ? AND c.relkind IN ('r', 'p')
       ORDER BY (n.nspname = ANY (pg_catalog.current_schemas(false))) DESC, n.nspname
       LIMIT 1""";

  private FlywayHistory() {}

  /** A source that connects to {@code url} for each read. */
  public static AppliedHistory from(DatabaseUrl url) {
    return () -> {
      try (Connection c = Databases.connect(url)) {
        return read(c, DEFAULT_TABLE);
      }
    };
  }

  /**
   * Reads every row, in installed order.
   *
   * @param table the history table name ({@code flyway.table}), null for the default
   * @return an empty list when the table does not exist
   */
  public static List<AppliedMigration> read(Connection connection, String table) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("SET TRANSACTION READ ONLY");
        s.execute("SET LOCAL statement_timeout = '5s'");
      }
      String schema;
      String name;
      try (PreparedStatement ps = connection.prepareStatement(FIND_TABLE)) {
        ps.setString(1, table == null || table.isBlank() ? DEFAULT_TABLE : table);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return List.of();
          }
          schema = rs.getString(1);
          name = rs.getString(2);
        }
      }
      String sql = "SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
          + " execution_time, success FROM " + quote(schema) + "." + quote(name) + " ORDER BY installed_rank";
      List<AppliedMigration> rows = new ArrayList<>();
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          java.sql.Timestamp on = rs.getTimestamp(8);
          Object checksum = rs.getObject(6);
          rows.add(new AppliedMigration(
              rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              checksum == null ? null : ((Number) checksum).intValue(), rs.getString(7),
              on == null ? null : OffsetDateTime.ofInstant(on.toInstant(), ZoneOffset.UTC),
              rs.getInt(9), rs.getBoolean(10)));
        }
      }
      return rows;
    } finally {
      try {
        connection.rollback();
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
