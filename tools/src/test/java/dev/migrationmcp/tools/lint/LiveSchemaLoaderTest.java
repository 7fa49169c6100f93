package dev.migrationmcp.tools.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.sql.Volatility;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live facts lint reads from a real database, and the schema-aware rules running on them. */
@PostgresTest
class LiveSchemaLoaderTest {
  private static LiveSchemaLoader.Loaded loaded;

  @BeforeAll
  static void load(TestDatabase db) throws SQLException {
    db.execute("""
        CREATE TABLE customers (id bigint PRIMARY KEY, email text);
        INSERT INTO customers SELECT g, CASE WHEN g % 4 = 0 THEN NULL ELSE 'c' || g END FROM generate_series(1, 400) g;
        CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));
        CREATE VIEW customer_emails AS SELECT id, email FROM customers;
        CREATE FUNCTION pick() RETURNS int LANGUAGE sql VOLATILE AS 'SELECT 4';
        ANALYZE customers;
        """);
    try (Connection c = db.connect()) {
      loaded = LiveSchemaLoader.load(c, () -> Databases.connect(db.url()), "test database");
    }
  }

  @Test
  void readsNullFractionsFromPgStats() {
    double fraction = loaded.schema().nullFractions().get("public.customers.email");
    assertTrue(fraction > 0.2 && fraction < 0.3, String.valueOf(fraction));
  }

  @Test
  void readsViewsAndForeignKeysThatDependOnATable() {
    List<String> dependents = loaded.schema().dependents().get("public.customers");
    assertTrue(dependents.contains("view public.customer_emails"), dependents.toString());
    assertTrue(dependents.stream().anyMatch(d -> d.startsWith("foreign key orders_customer_id_fkey")), dependents.toString());
  }

  @Test
  void readsFunctionVolatilityFromPgProc() {
    assertEquals(Volatility.VOLATILE, loaded.volatility().of("pick"));
    assertEquals(Volatility.STABLE, loaded.volatility().of("now"));
  }

  @Test
  void feedsTheSchemaAwareRules() {
    LintReport report = Linter.standard().lint(ScriptReader.read("""
        SET lock_timeout = '2s';
        ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
        ALTER TABLE orders ADD COLUMN note text REFERENCES customers (email);
        DROP TABLE customers;
        ALTER TABLE nosuch ADD COLUMN x int;
        """), LintSettings.defaults(), loaded.schema(), loaded.volatility(), null);
    List<String> rules = report.findings().stream().map(Finding::rule).toList();
    assertTrue(rules.contains("not-null-on-column-with-nulls"), rules.toString());
    assertTrue(rules.contains("drop-with-dependents"), rules.toString());
    assertTrue(rules.contains("unknown-object"), rules.toString());
    assertTrue(report.findings().stream().filter(f -> "public.customers".equals(f.table()))
        .allMatch(f -> f.evidence() != null && f.evidence().contains("rows")), "findings carry live evidence");
    assertEquals("test database", report.liveSchema());
  }
}
