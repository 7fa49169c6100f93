package dev.migrationmcp.tools.sql.read;

import static dev.migrationmcp.tools.sql.read.Reading.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTableReaderTest {

  @Test
  void readsColumnsAndTableConstraints() {
    CreateTable t = read("CREATE TABLE IF NOT EXISTS app.orders (\n"
        + "  id bigserial PRIMARY KEY,\n"
        + "  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n"
        + "  email varchar(255) UNIQUE,\n"
        + "  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid')),\n"
        + "  total numeric(12,2),\n"
        + "  created_at timestamptz NOT NULL DEFAULT now(),\n"
        + "  action text, path text, local boolean, type text, key text, value jsonb,\n"
        + "  CONSTRAINT orders_total_positive CHECK (total >= 0),\n"
        + "  UNIQUE (user_id, created_at),\n"
        + "  FOREIGN KEY (email) REFERENCES emails (address)\n"
        + ")", CreateTable.class);
    assertEquals(new QualifiedName("app", "orders"), t.name());
    assertTrue(t.ifNotExists());
    assertEquals(CreateTable.Persistence.PERMANENT, t.persistence());
    assertEquals(List.of("id", "user_id", "email", "status", "total", "created_at", "action", "path", "local", "type",
        "key", "value"), t.columns().stream().map(ColumnDefinition::name).collect(java.util.stream.Collectors.toList()));
    ColumnDefinition id = t.column("id");
    assertTrue(id.type().serial());
    assertTrue(id.effectivelyNotNull());
    assertEquals(QualifiedName.of("users"), t.column("user_id").foreignKey().referencedTable());
    assertEquals("'new'", t.column("status").defaultExpression());
    assertEquals("now()", t.column("created_at").defaultExpression());
    assertEquals("timestamp with time zone", t.column("created_at").type().name());
    assertEquals(3, t.constraints().size());
    assertEquals(new TableConstraint.Check("orders_total_positive", "total >= 0", false), t.constraints().get(0));
    assertEquals(List.of("user_id", "created_at"), ((TableConstraint.Unique) t.constraints().get(1)).columns());
    assertEquals("CREATE TABLE", t.kind());
  }

  @Test
  void readsPartitionOf() {
    CreateTable t = read("CREATE TABLE measurements_2024 PARTITION OF measurements "
        + "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", CreateTable.class);
    assertEquals(QualifiedName.of("measurements"), t.partitionOf());
    assertEquals("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", t.partitionBound());
    CreateTable d = read("CREATE TABLE m_default PARTITION OF m (CONSTRAINT c CHECK (x > 0)) DEFAULT",
        CreateTable.class);
    assertEquals("DEFAULT", d.partitionBound());
    assertEquals(1, d.constraints().size());
    CreateTable h = read("CREATE TABLE m_h0 PARTITION OF m FOR VALUES WITH (MODULUS 4, REMAINDER 0)",
        CreateTable.class);
    assertEquals("FOR VALUES WITH (MODULUS 4, REMAINDER 0)", h.partitionBound());
  }

  @Test
  void readsPartitionBy() {
    CreateTable t = read("CREATE TABLE m (id bigint, at timestamptz) PARTITION BY RANGE (at)", CreateTable.class);
    assertEquals("RANGE (at)", t.partitionBy());
  }

  @Test
  void readsLikeAndInherits() {
    CreateTable t = read("CREATE UNLOGGED TABLE t2 (LIKE t INCLUDING ALL, extra int) INHERITS (base) "
        + "WITH (fillfactor = 70) TABLESPACE fast", CreateTable.class);
    assertEquals(List.of(QualifiedName.of("t")), t.like());
    assertEquals(List.of(QualifiedName.of("base")), t.inherits());
    assertEquals(CreateTable.Persistence.UNLOGGED, t.persistence());
    assertEquals("extra", t.columns().get(0).name());
  }

  @Test
  void readsCreateTableAs() {
    CreateTable t = read("CREATE TEMP TABLE snapshot (a, b) AS SELECT x, y FROM t WITH NO DATA", CreateTable.class);
    assertEquals("SELECT x, y FROM t", t.asQuery());
    assertTrue(t.withNoData());
    assertEquals(CreateTable.Persistence.TEMPORARY, t.persistence());
    assertEquals("CREATE TABLE AS", t.kind());
    assertEquals("a", t.columns().get(0).name());
    assertNull(t.columns().get(0).type());
    CreateTable plain = read("CREATE TABLE copy AS TABLE original", CreateTable.class);
    assertEquals("TABLE original", plain.asQuery());
    assertFalse(plain.withNoData());
  }

  @Test
  void readsGeneratedAndIdentityColumns() {
    CreateTable t = read("CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
        + "total numeric GENERATED ALWAYS AS (a + b) STORED, note text COLLATE \"de_DE\" COMPRESSION lz4)",
        CreateTable.class);
    assertTrue(t.column("id").generated().isIdentity());
    assertEquals("a + b", t.column("total").generated().expression());
    assertEquals("de_DE", t.column("note").collation());
  }

  @Test
  void readsPgDumpCollations() {
    CreateTable t = read("CREATE TABLE public.users (\n    email character varying(255) COLLATE pg_catalog.\"default\" "
        + "NOT NULL,\n    name text COLLATE public.case_insensitive\n)", CreateTable.class);
    assertEquals("default", t.column("email").collation());
    assertEquals("character varying", t.column("email").type().name());
    assertTrue(t.column("email").notNull());
    assertEquals("case_insensitive", t.column("name").collation());
  }

  @Test
  void readsEmptyTable() {
    assertTrue(read("CREATE TABLE empty ()", CreateTable.class).columns().isEmpty());
  }

  @Test
  void readsExcludeConstraintInCreateTable() {
    CreateTable t = read("CREATE TABLE r (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&))",
        CreateTable.class);
    assertEquals("gist", ((TableConstraint.Exclude) t.constraints().get(0)).method());
  }
}
