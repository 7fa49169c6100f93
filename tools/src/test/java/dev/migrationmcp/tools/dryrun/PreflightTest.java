package dev.migrationmcp.tools.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.SqlScript;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read-only questions asked of live data before risky statements. */
@PostgresTest
class PreflightTest {
  @BeforeAll
  static void data(TestDatabase db) {
    db.execute("""
        CREATE TABLE customers (id bigint PRIMARY KEY);
        INSERT INTO customers VALUES (1), (2);
        CREATE TABLE orders (id bigint, email text, code text, qty bigint, customer_id bigint);
        INSERT INTO orders VALUES (1, 'a@x', 'abc', 5, 1), (2, NULL, 'abcdefgh', -1, 2), (3, 'a@x', '12', 3000000000, 9);
        """);
  }

  private static List<PreflightCheck> run(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      return new Preflight(c, 10_000).run(List.of(new ScriptPart("up", null, SqlScript.split(sql))));
    }
  }

  private static PreflightCheck only(List<PreflightCheck> checks) {
    assertEquals(1, checks.size(), checks.toString());
    return checks.get(0);
  }

  @Test
  void countsNullsBeforeSetNotNull(TestDatabase db) throws SQLException {
    PreflightCheck c = only(run(db, "ALTER TABLE orders ALTER COLUMN email SET NOT NULL"));
    assertEquals("nulls-before-set-not-null", c.check());
    assertEquals(1, c.violations());
    assertTrue(c.verdict().contains("will fail"));
  }

  @Test
  void findsDuplicatesBeforeAUniqueIndex(TestDatabase db) throws SQLException {
    PreflightCheck c = only(run(db, "CREATE UNIQUE INDEX CONCURRENTLY orders_email_key ON orders (email)"));
    assertEquals(1, c.violations());
    assertEquals(List.of("a@x"), c.sample());
  }

  @Test
  void countsRowsViolatingACheck(TestDatabase db) throws SQLException {
    assertEquals(1, only(run(db, "ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID")).violations());
  }

  @Test
  void countsOrphansBeforeAForeignKey(TestDatabase db) throws SQLException {
    PreflightCheck c = only(run(db,
        "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)"));
    assertEquals("orphans-before-foreign-key", c.check());
    assertEquals(1, c.violations());
  }

  @Test
  void findsValuesThatDoNotFitANarrowerType(TestDatabase db) throws SQLException {
    assertEquals(1, only(run(db, "ALTER TABLE orders ALTER COLUMN code TYPE varchar(5)")).violations());
    PreflightCheck overflow = only(run(db, "ALTER TABLE orders ALTER COLUMN qty TYPE integer"));
    assertTrue(overflow.verdict().contains("do not convert") && overflow.verdict().contains("out of range"),
        overflow.verdict());
    assertEquals(0, only(run(db, "ALTER TABLE orders ALTER COLUMN qty TYPE numeric")).violations());
  }

  @Test
  void skipsTablesTheScriptCreatesAndOnesThatDoNotExist(TestDatabase db) throws SQLException {
    assertEquals(List.of(), run(db, "CREATE TABLE fresh (a int); ALTER TABLE fresh ALTER COLUMN a SET NOT NULL;"));
    assertTrue(only(run(db, "ALTER TABLE nowhere ALTER COLUMN a SET NOT NULL")).verdict().contains("does not exist"));
  }

  @Test
  void neverWritesEvenWhenTheCheckExpressionTries(TestDatabase db) throws SQLException {
    db.execute("CREATE FUNCTION sneaky() RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN DELETE FROM customers; "
        + "RETURN true; END $$");
    PreflightCheck c = only(run(db, "ALTER TABLE orders ADD CONSTRAINT sneaky CHECK (sneaky())"));
    assertTrue(c.error() != null || c.verdict().startsWith("not checked"), c.toString());
    assertEquals("2", db.queryString("SELECT count(*) FROM customers"), "READ ONLY refused the DELETE");
  }
}
