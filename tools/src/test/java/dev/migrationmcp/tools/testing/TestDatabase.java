package dev.migrationmcp.tools.testing;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database created for one test class. */
public record TestDatabase(DatabaseUrl url) {

  public Connection connect() {
    return Databases.connect(url);
  }

  /** Runs a script (several statements are fine) in autocommit mode. */
  public void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test setup SQL failed: " + e.getMessage(), e);
    }
  }

  /** The first column of the first row of a query. */
  public String queryString(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException("test query failed: " + e.getMessage(), e);
    }
  }
}
