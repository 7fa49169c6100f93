package dev.migrationmcp.tools.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * One connection inside a REPEATABLE READ, READ ONLY transaction with a statement timeout: the
 * only way catalog queries are run, so introspection can neither change nor stall the database.
 * Sessions on several connections can share one snapshot ({@link #exportSnapshot()}), the way
 * {@code pg_dump -j} does, so queries run in parallel still see one consistent catalog.
 */
public final class CatalogSession implements AutoCloseable {
  private final Connection connection;
  private final boolean restoreAutoCommit;
  private final boolean ownsTransaction;

  /**
   * A session inside the caller's open transaction (a dry run reading its own uncommitted
   * changes): nothing is set, and closing it leaves the transaction alone.
   */
  static CatalogSession joining(Connection connection) throws SQLException {
    return new CatalogSession(connection);
  }

  private CatalogSession(Connection connection) throws SQLException {
    this.connection = connection;
    this.restoreAutoCommit = connection.getAutoCommit();
    this.ownsTransaction = false;
    if (restoreAutoCommit) {
      throw new IllegalStateException("joining a transaction needs a connection with autocommit off");
    }
  }

  public CatalogSession(Connection connection, int statementTimeoutMs, String snapshotId) throws SQLException {
    this.connection = connection;
    this.restoreAutoCommit = connection.getAutoCommit();
    this.ownsTransaction = true;
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      if (snapshotId != null) {
        s.execute("SET TRANSACTION SNAPSHOT '" + snapshotId.replace("'", "''") + "'");
      }
      s.execute("SET LOCAL statement_timeout = " + statementTimeoutMs);
    } catch (SQLException e) {
      connection.rollback();
      connection.setAutoCommit(restoreAutoCommit);
      throw e;
    }
  }

  /** Exports this transaction's snapshot for helper sessions. */
  String exportSnapshot() throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs the catalog query {@code catalog/<name>.sql}. */
  public <T> List<T> query(String name, Binder binder, RowReader<T> reader) throws SQLException {
    return querySql(CatalogSql.get(name), binder, reader);
  }

  /** Runs catalog SQL (a {@code catalog/*.sql} text after version-specific edits). */
  <T> List<T> querySql(String sql, Binder binder, RowReader<T> reader) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
    }
    return out;
  }

  /** An oid[] literal; oids are numbers, so nothing client-given can reach the SQL text. */
  static String oidArray(Collection<Long> oids) {
    StringJoiner j = new StringJoiner(",", "{", "}");
    oids.forEach(o -> j.add(Long.toString(o)));
    return j.toString();
  }

  static int[] ints(Array array) throws SQLException {
    if (array == null) {
      return new int[0];
    }
    Object[] values = (Object[]) array.getArray();
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = ((Number) values[i]).intValue();
    }
    return out;
  }

  public static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object value : (Object[]) array.getArray()) {
      out.add(String.valueOf(value));
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    if (!ownsTransaction) {
      return;
    }
    try {
      connection.rollback();
    } finally {
      connection.setAutoCommit(restoreAutoCommit);
    }
  }
}
