package dev.migrationmcp.tools.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens JDBC connections with error messages a user can act on. */
public final class Databases {
  private Databases() {}

  /**
   * Connects to {@code url}.
   *
   * @throws DatabaseUnavailableException naming host, port and database (never the password)
   */
  public static Connection connect(DatabaseUrl url) {
    try {
      return DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties());
    } catch (SQLException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (url.password() != null && !url.password().isEmpty()) {
        reason = reason.replace(url.password(), "***");
      }
      throw new DatabaseUnavailableException(
          "cannot connect to PostgreSQL at " + url.describe()
              + (url.user() != null ? " as " + url.user() : "") + ": " + reason
              + " (check --database-url / DATABASE_URL, or leave them unset to use the embedded database)",
          null);
    }
  }
}
