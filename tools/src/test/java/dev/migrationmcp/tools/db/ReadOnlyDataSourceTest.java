package dev.migrationmcp.tools.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@PostgresTest
class ReadOnlyDataSourceTest {
  @Test
  void sessionsRefuseWritesAndCarryTheStatementTimeout(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE kept (id int)");
    try (Connection c = ReadOnlyDataSource.of(db.url(), 1_500).getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
        rs.next();
        assertEquals("1500ms", rs.getString(1));
      }
      SQLException refused = assertThrows(SQLException.class, () -> s.execute("INSERT INTO kept VALUES (1)"));
      assertEquals("25006", refused.getSQLState(), "read_only_sql_transaction");
    }
    assertEquals("0", db.queryString("SELECT count(*) FROM kept"));
  }

  @Test
  void refusesANonPositiveTimeout(TestDatabase db) {
    assertThrows(IllegalArgumentException.class, () -> ReadOnlyDataSource.of(db.url(), 0));
  }
}
