package dev.migrationmcp.tools.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class SchemaIntrospectorTest {
  private static SchemaSnapshot snapshot;

  @BeforeAll
  static void createSchema(TestDatabase db) throws SQLException {
    db.execute("""
        CREATE EXTENSION IF NOT EXISTS plpgsql;
        CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
        CREATE TABLE customers (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          email varchar(200) NOT NULL UNIQUE,
          name text,
          created_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT email_has_at CHECK (position('@' in email) > 1)
        );
        CREATE TABLE orders (
          id bigserial PRIMARY KEY,
          customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
          status order_status NOT NULL DEFAULT 'new',
          total_cents integer NOT NULL,
          total_eur numeric GENERATED ALWAYS AS (total_cents / 100.0) STORED
        );
        CREATE TABLE order_notes (
          order_id bigint REFERENCES orders (id),
          note text
        );
        CREATE INDEX orders_status_idx ON orders (status);
        CREATE INDEX orders_status_dup_idx ON orders (status);
        CREATE INDEX orders_customer_idx ON orders (customer_id) WHERE status <> 'shipped';
        CREATE VIEW paid_orders AS SELECT id, customer_id FROM orders WHERE status = 'paid';
        CREATE MATERIALIZED VIEW order_counts AS SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, payload jsonb) PARTITION BY RANGE (at);
        CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        CREATE SCHEMA billing;
        CREATE TABLE billing.invoices (id int PRIMARY KEY, order_id bigint REFERENCES public.orders (id));
        CREATE INDEX invoices_order_idx ON billing.invoices (order_id);
        INSERT INTO customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 50) g;
        ANALYZE customers;
        """);
    try (Connection c = db.connect()) {
      snapshot = new SchemaIntrospector(c).snapshot();
    }
  }

  private static TableInfo table(String name) {
    return snapshot.table(name).orElseThrow(() -> new AssertionError("no table " + name));
  }

  @Test
  void readsServerVersionAndDatabase(TestDatabase db) {
    assertTrue(snapshot.serverVersionNum() >= 130000, snapshot.serverVersion());
    assertEquals(db.url().database(), snapshot.database());
  }

  @Test
  void readsColumnsWithTypesDefaultsIdentityAndGenerated() {
    TableInfo customers = table("customers");
    assertEquals(List.of("id", "email", "name", "created_at"), customers.columns().stream().map(ColumnInfo::name).toList());
    assertEquals("always", customers.column("id").identity());
    assertEquals("character varying(200)", customers.column("email").type());
    assertFalse(customers.column("email").nullable());
    assertTrue(customers.column("name").nullable());
    assertEquals("now()", customers.column("created_at").defaultValue());
    ColumnInfo totalEur = table("orders").column("total_eur");
    assertNotNull(totalEur.generated());
    assertNull(totalEur.defaultValue());
    assertTrue(table("orders").column("id").defaultValue().startsWith("nextval("));
  }

  @Test
  void readsPrimaryKeyUniqueAndCheckConstraints() {
    TableInfo customers = table("customers");
    assertEquals(List.of("id"), customers.primaryKey().columns());
    assertEquals(List.of("email"), customers.uniques().get(0).columns());
    assertEquals("email_has_at", customers.checks().get(0).name());
    assertTrue(customers.checks().get(0).definition().startsWith("CHECK"));
  }

  @Test
  void readsForeignKeysWithActionsAndIndexCoverage() {
    ForeignKeyInfo fk = table("orders").foreignKeys().get(0);
    assertEquals(List.of("customer_id"), fk.columns());
    assertEquals("public.customers", fk.references().table());
    assertEquals(List.of("id"), fk.references().columns());
    assertEquals("CASCADE", fk.onDelete());
    assertFalse(fk.indexed(), "a partial index does not cover a foreign key");
    assertFalse(table("order_notes").foreignKeys().get(0).indexed());
    assertTrue(table("billing.invoices").foreignKeys().get(0).indexed());
  }

  @Test
  void readsReferencingTables() {
    List<String> referencing = table("orders").referencedBy().stream().map(ReferenceInfo::table).sorted().toList();
    assertEquals(List.of("billing.invoices", "public.order_notes"), referencing);
  }

  @Test
  void readsIndexesWithValidityPartialAndSize() {
    IndexInfo partial = table("orders").indexes().stream()
        .filter(i -> i.name().equals("orders_customer_idx")).findFirst().orElseThrow();
    assertTrue(partial.partial());
    assertTrue(partial.valid());
    assertTrue(partial.bytes() > 0);
    assertTrue(partial.definition().startsWith("CREATE INDEX orders_customer_idx ON public.orders"));
    assertTrue(table("orders").indexes().stream().anyMatch(IndexInfo::primary));
  }

  @Test
  void readsTriggersEnumsViewsSequencesAndExtensions() {
    assertEquals("customers_touch", table("customers").triggers().get(0).name());
    SchemaInfo pub = snapshot.schemas().stream().filter(s -> s.name().equals("public")).findFirst().orElseThrow();
    assertEquals(List.of("new", "paid", "shipped"), pub.enums().get(0).values());
    ViewInfo paid = pub.views().stream().filter(v -> v.name().equals("paid_orders")).findFirst().orElseThrow();
    assertFalse(paid.materialized());
    assertTrue(paid.definition().contains("status"));
    assertTrue(pub.views().stream().anyMatch(v -> v.name().equals("order_counts") && v.materialized()));
    assertTrue(pub.sequences().stream().anyMatch(s -> s.name().equals("orders_id_seq") && "orders.id".equals(s.ownedBy())));
    SchemaInfo catalog = snapshot.schemas().stream().filter(s -> s.name().equals("pg_catalog")).findFirst().orElse(null);
    assertNull(catalog, "system schemas are not listed");
  }

  @Test
  void readsRowEstimatesAndSizes() {
    TableInfo customers = table("customers");
    assertEquals(50, customers.rowsEstimate());
    assertTrue(customers.totalBytes() >= 8192, "size includes heap and indexes");
  }

  @Test
  void showsPartitionsOfPartitionedTables() {
    TableInfo events = table("events");
    assertEquals("partitioned table", events.kind());
    assertEquals(List.of("public.events_2026"), events.partitions());
    assertTrue(events.partitionKey().startsWith("RANGE"));
    TableInfo partition = table("events_2026");
    assertEquals("public.events", partition.partitionOf());
    assertTrue(partition.partitionBound().startsWith("FOR VALUES FROM"));
  }

  @Test
  void reportsFindings() {
    List<SchemaFinding> findings = snapshot.findings();
    assertTrue(findings.stream().anyMatch(f -> f.kind().equals("foreign-key-without-index")
        && f.table().equals("public.order_notes") && f.fix().contains("CREATE INDEX CONCURRENTLY")));
    assertTrue(findings.stream().anyMatch(f -> f.kind().equals("table-without-primary-key")
        && f.table().equals("public.order_notes")));
    assertTrue(findings.stream().anyMatch(f -> f.kind().equals("duplicate-index")
        && f.message().contains("orders_status_dup_idx")));
    assertFalse(findings.stream().anyMatch(f -> f.kind().equals("table-without-primary-key")
        && f.table().equals("public.events_2026")), "partitions inherit the parent's key situation");
  }

  @Test
  void reportsInvalidIndexes(TestDatabase db) throws SQLException {
    db.execute("""
        CREATE TABLE dupes (v int);
        INSERT INTO dupes VALUES (1), (1);
        """);
    // A failed CREATE UNIQUE INDEX CONCURRENTLY leaves an INVALID index behind.
    assertThrows(IllegalStateException.class,
        () -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY dupes_v_key ON dupes (v)"));
    try (Connection c = db.connect()) {
      SchemaSnapshot s = new SchemaIntrospector(c).read(new IntrospectionRequest(null, List.of("dupes"), true));
      assertFalse(s.tables().get(0).indexes().get(0).valid());
      assertTrue(s.findings().stream().anyMatch(f -> f.kind().equals("invalid-index")));
    } finally {
      db.execute("DROP TABLE dupes");
    }
  }

  @Test
  void selectsTablesByNameQualifiedNameAndPattern(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SchemaIntrospector introspector = new SchemaIntrospector(c);
      SchemaSnapshot byPattern = introspector.read(new IntrospectionRequest(null, List.of("order*"), true));
      assertEquals(List.of("order_notes", "orders"), byPattern.tables().stream().map(TableInfo::name).sorted().toList());
      SchemaSnapshot qualified = introspector.read(new IntrospectionRequest(null, List.of("billing.invoices"), true));
      assertEquals(1, qualified.tables().size());
      SchemaSnapshot caseFolded = introspector.read(new IntrospectionRequest(null, List.of("Customers"), true));
      assertEquals("customers", caseFolded.tables().get(0).name());
      assertTrue(byPattern.schemas().get(0).enums().stream().anyMatch(e -> e.name().equals("order_status")),
          "enums used by the selected tables come along");
    }
  }

  @Test
  void unknownTableNamesTheClosestMatches(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      UnknownTableException e = assertThrows(UnknownTableException.class,
          () -> new SchemaIntrospector(c).read(new IntrospectionRequest(null, List.of("ordres"), true)));
      assertTrue(e.getMessage().contains("public.orders"), e.getMessage());
    }
  }

  @Test
  void hostileTableNamesAreMatchedNotExecuted(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      assertThrows(UnknownTableException.class, () -> new SchemaIntrospector(c)
          .read(new IntrospectionRequest(null, List.of("x'; DROP TABLE customers; --"), true)));
    }
    assertEquals("50", db.queryString("SELECT count(*) FROM customers"));
  }

  @Test
  void summaryLeavesOutColumnDetailButKeepsFindings(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SchemaSnapshot summary = new SchemaIntrospector(c).read(new IntrospectionRequest(null, List.of(), false));
      assertTrue(summary.tables().stream().allMatch(t -> t.columns().isEmpty()));
      assertTrue(summary.findings().stream().anyMatch(f -> f.kind().equals("foreign-key-without-index")));
    }
  }

  @Test
  void runsReadOnly(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      new SchemaIntrospector(c).snapshot();
      assertTrue(c.getAutoCommit(), "connection state is restored");
      try (var s = c.createStatement(); var rs = s.executeQuery("SHOW transaction_read_only")) {
        rs.next();
        assertEquals("off", rs.getString(1), "the read-only setting was local to the introspection transaction");
      }
    }
  }
}
