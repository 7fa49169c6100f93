package dev.migrationmcp.tools.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class TableNamesTest {
  @BeforeAll
  static void tables(TestDatabase db) {
    db.execute("""
        CREATE TABLE orders (id int); CREATE TABLE order_items (id int); CREATE TABLE customers (id int);
        CREATE VIEW order_totals AS SELECT count(*) FROM orders;
        CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int); CREATE SEQUENCE order_seq;
        CREATE TABLE "Odd%_name" (id int);""");
  }

  private static List<String> complete(TestDatabase db, String prefix, int limit) throws SQLException {
    try (Connection c = db.connect()) {
      return TableNames.startingWith(c, prefix, limit, 2_000);
    }
  }

  @Test
  void completesTablesAndViewsByPrefixButNotSequences(TestDatabase db) throws SQLException {
    assertEquals(List.of("order_items", "order_totals", "orders"), complete(db, "ORD", 100));
  }

  @Test
  void qualifiesTablesOutsidePublic(TestDatabase db) throws SQLException {
    assertEquals(List.of("billing.invoices"), complete(db, "bil", 100));
  }

  @Test
  void treatsLikeWildcardsInThePrefixAsText(TestDatabase db) throws SQLException {
    assertEquals(List.of("Odd%_name"), complete(db, "odd%", 100));
    assertEquals(List.of(), complete(db, "%", 100));
  }

  @Test
  void isBoundedAndSorted(TestDatabase db) throws SQLException {
    assertEquals(List.of("Odd%_name", "billing.invoices"), complete(db, "", 2));
  }
}
