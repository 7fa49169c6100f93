package dev.migrationmcp.server.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A scratch database on the PostgreSQL server the reliability tests use as a live target
 * ({@code -Dmigrationmcp.live.host/port/user}, default {@code root@127.0.0.1:5432}, trust auth),
 * created per test class and dropped afterwards. {@link #available()} is false when nothing
 * answers there, so those tests are skipped with a message instead of failing.
 */
final class ScratchPostgres implements AutoCloseable {
  static final String HOST = System.getProperty("migrationmcp.live.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("migrationmcp.live.port", 5432);
  static final String USER = System.getProperty("migrationmcp.live.user", "root");
  static final String MAINTENANCE_DB = System.getProperty("migrationmcp.live.database", "test");
  static final String SKIP_MESSAGE = "no PostgreSQL answers at " + USER + "@" + HOST + ":" + PORT + "/" + MAINTENANCE_DB
      + " (trust auth): skipping the live-target safety tests; CI runs them against one";

  final String name;

  private ScratchPostgres(String name) {
    this.name = name;
  }

  static boolean available() {
    try (Connection c = connect(MAINTENANCE_DB)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  static ScratchPostgres create(String prefix) throws SQLException {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + (System.nanoTime() % 1_000_000);
    try (Connection c = connect(MAINTENANCE_DB); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new ScratchPostgres(name);
  }

  static Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    props.setProperty("connectTimeout", "3");
    props.setProperty("ApplicationName", "migration-mcp-test");
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, props);
  }

  Connection connect() throws SQLException {
    return connect(name);
  }

  /** The URL the server under test is given. */
  String url() {
    return "postgres://" + USER + "@" + HOST + ":" + PORT + "/" + name;
  }

  void execute(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  String queryString(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /**
   * A fingerprint of everything a dry run could change: the structure (relations, columns, types,
   * constraints, indexes, functions, triggers, namespaces) and the data of every user table.
   */
  String fingerprint() throws SQLException {
    String structure = queryString("""
        SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) FROM (
          SELECT 'n:' || nspname AS x FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
          UNION ALL SELECT 'c:' || c.oid::regclass::text || ':' || c.relkind::text || ':' || c.relfilenode || ':' || c.relnatts
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          UNION ALL SELECT 'a:' || a.attrelid::regclass::text || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod)
              || ':' || a.attnotnull || ':' || a.attisdropped
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND a.attnum > 0
          UNION ALL SELECT 'k:' || conrelid::regclass::text || ':' || conname || ':' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
          UNION ALL SELECT 'f:' || p.oid::regprocedure::text FROM pg_proc p
            WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
          UNION ALL SELECT 't:' || t.typname FROM pg_type t
            WHERE t.typnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)
          UNION ALL SELECT 'g:' || tgname FROM pg_trigger WHERE NOT tgisinternal
          UNION ALL SELECT 'x:' || gid FROM pg_prepared_xacts
        ) s""");
    String data = queryString("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM t");
    return structure + "/" + data;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = connect(MAINTENANCE_DB); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
