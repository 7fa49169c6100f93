package dev.migrationmcp.tools.db;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections for code that opens its own (Flyway's {@code info} and {@code validate}) but must
 * only read: every session starts with {@code default_transaction_read_only} on and a statement
 * timeout, set in the startup packet, so no statement it runs can write or stall the database.
 */
public final class ReadOnlyDataSource {
  private ReadOnlyDataSource() {}

  public static DataSource of(DatabaseUrl url, int statementTimeoutMs) {
    if (statementTimeoutMs <= 0) {
      throw new IllegalArgumentException("statement timeout must be positive, got " + statementTimeoutMs);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url.jdbcUrl());
    if (url.user() != null) {
      ds.setUser(url.user());
    }
    if (url.password() != null) {
      ds.setPassword(url.password());
    }
    ds.setApplicationName("migration-mcp");
    ds.setConnectTimeout(10);
    ds.setOptions("-c default_transaction_read_only=on -c statement_timeout=" + statementTimeoutMs);
    return ds;
  }
}
