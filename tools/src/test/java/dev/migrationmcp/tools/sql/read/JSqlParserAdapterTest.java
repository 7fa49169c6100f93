package dev.migrationmcp.tools.sql.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.Set;
import net.sf.jsqlparser.statement.drop.Drop;
import org.junit.jupiter.api.Test;

class JSqlParserAdapterTest {

  @Test
  void readsTablesOfAQuery() {
    Set<QualifiedName> tables = JSqlParserAdapter.tablesRead(
        "WITH recent AS (SELECT * FROM app.orders WHERE created_at > now() - interval '1 day') "
            + "SELECT r.id, u.email FROM recent r JOIN \"Users\" u ON u.id = r.user_id").orElseThrow();
    assertEquals(Set.of(new QualifiedName("app", "orders"), QualifiedName.of("Users")), tables);
  }

  @Test
  void returnsEmptyForWhatItCannotRead() {
    assertFalse(JSqlParserAdapter.parse("this is not sql at all (").isPresent());
    assertFalse(JSqlParserAdapter.parse("").isPresent());
    assertFalse(JSqlParserAdapter.tablesRead(null).isPresent());
  }

  /**
   * Pins the JSqlParser 5.4 misreading the issue measured: if an upgrade fixes it, this test fails
   * and the upgrade gets re-measured. Our own reader is the authority either way.
   */
  @Test
  void jsqlParserMisreadsDropIndexConcurrentlyButOurReaderDoesNot() {
    JSqlParserAdapter.parse("DROP INDEX CONCURRENTLY idx").ifPresent(s -> {
      if (s instanceof Drop) {
        assertEquals("CONCURRENTLY", ((Drop) s).getName().getName().toUpperCase(java.util.Locale.ROOT));
      }
    });
    DropIndex ours = (DropIndex) StatementReader.read("DROP INDEX CONCURRENTLY idx");
    assertTrue(ours.concurrently());
    assertEquals("idx", ours.names().get(0).name());
  }

  @Test
  void findsTablesTouchedByStatements() {
    assertEquals(Set.of(QualifiedName.of("orders"), QualifiedName.of("users")),
        StatementTables.of(StatementReader.read("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) "
            + "REFERENCES users (id) NOT VALID")));
    assertEquals(Set.of(QualifiedName.of("v"), QualifiedName.of("a"), QualifiedName.of("b")),
        StatementTables.of(StatementReader.read("CREATE VIEW v AS SELECT * FROM a JOIN b USING (id)")));
    assertEquals(Set.of(QualifiedName.of("t"), QualifiedName.of("u")),
        StatementTables.of(StatementReader.read("INSERT INTO t (a) SELECT a FROM u")));
    assertEquals(Set.of(QualifiedName.of("orders")),
        StatementTables.of(StatementReader.read("CREATE INDEX CONCURRENTLY i ON orders (a)")));
  }
}
