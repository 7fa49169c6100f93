package dev.migrationmcp.memory.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationFactsTest {
  private final MigrationFacts facts = new MigrationFacts();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CREATE TABLE users (id bigint PRIMARY KEY, email text)                        | create_table      | users        | users.id users.email",
      "CREATE TABLE IF NOT EXISTS app.\"Orders\" (id int, CONSTRAINT pk PRIMARY KEY (id)) | create_table | app.orders   | app.orders.id",
      "DROP TABLE IF EXISTS a, b CASCADE                                             | drop_table        | a b          | ",
      "ALTER TABLE users RENAME TO customers                                         | rename_table      | users customers | ",
      "ALTER TABLE users RENAME COLUMN name TO full_name                             | rename_column     | users        | users.name users.full_name",
      "ALTER TABLE users ADD COLUMN email_verified_at timestamptz                    | add_column        | users        | users.email_verified_at",
      "alter table only users add if not exists age int, drop column legacy_id      | add_column drop_column | users | users.age users.legacy_id",
      "ALTER TABLE users DROP legacy_id                                              | drop_column       | users        | users.legacy_id",
      "ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb       | alter_column_type | events       | events.payload",
      "ALTER TABLE events ALTER payload SET DATA TYPE jsonb                          | alter_column_type | events       | events.payload",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL                             | set_not_null      | users        | users.email",
      "ALTER TABLE users ALTER COLUMN email DROP NOT NULL                            | drop_not_null     | users        | users.email",
      "ALTER TABLE users ALTER COLUMN active SET DEFAULT true                        | set_default       | users        | users.active",
      "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON public.orders USING btree (user_id, created_at DESC) | create_index | public.orders | public.orders.user_id public.orders.created_at",
      "CREATE INDEX ON orders ((lower(email)))                                       | create_index      | orders       | ",
      "DROP INDEX CONCURRENTLY IF EXISTS idx_orders_user_id                          | drop_index        |              | ",
      "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID        | add_constraint    | orders       | ",
      "ALTER TABLE orders ADD PRIMARY KEY (id)                                       | add_constraint    | orders       | orders.id",
      "ALTER TABLE orders DROP CONSTRAINT IF EXISTS positive                         | drop_constraint   | orders       | ",
      "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) | add_foreign_key | orders users | orders.user_id",
      "ALTER TABLE orders ADD COLUMN coupon text REFERENCES coupons (code)           | add_column add_foreign_key | orders coupons | orders.coupon",
      "CREATE TYPE mood AS ENUM ('sad', 'ok')                                        | create_type       |              | ",
      "ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok'                                  | add_enum_value    |              | ",
      "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'                                  | alter_type        |              | ",
      "CREATE OR REPLACE MATERIALIZED VIEW totals AS SELECT * FROM orders o JOIN users u ON true | create_view | totals orders users | ",
      "UPDATE users SET email = lower(email), name = trim(name) WHERE id > 0         | backfill          | users        | users.email users.name",
      "INSERT INTO audit (actor, action) VALUES ('a', 'b')                           | backfill          | audit        | audit.actor audit.action",
      "DELETE FROM events WHERE occurred_at < now()                                  | delete_rows       | events       | ",
      "TRUNCATE TABLE events, logs                                                   | delete_rows       | events logs  | "})
  void readsEachStatementKind(String sql, String operations, String tables, String columns) {
    TouchedObjects t = facts.extract(sql + ";");
    assertEquals(List.of(operations.split(" ")), t.operations(), sql);
    assertEquals(tables == null ? List.of() : List.of(tables.split(" ")), t.tables(), sql);
    assertEquals(columns == null ? List.of() : List.of(columns.split(" ")), t.columns(), sql);
  }

  @Test
  void notesRewrites() {
    assertTrue(facts.extract("ALTER TABLE t ALTER COLUMN c TYPE bigint").terms().contains("rewrite"));
    assertTrue(facts.extract("ALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid()").terms().contains("rewrite"));
    assertTrue(facts.extract("UPDATE t SET c = 1").terms().contains("rewrite"));
    assertTrue(facts.extract("VACUUM FULL events").terms().contains("rewrite"));
    assertTrue(facts.extract("VACUUM FULL events").tables().contains("events"));
    assertTrue(facts.extract("VACUUM (FULL, ANALYZE) events").tables().contains("events"));
    assertTrue(!facts.extract("UPDATE t SET c = 1 WHERE id = 2").terms().contains("rewrite"));
  }

  @Test
  void ignoresCommentsStringsAndFunctionBodies() {
    TouchedObjects t = facts.extract("""
        -- DROP TABLE users; would be bad
        /* ALTER TABLE users DROP COLUMN email; */
        INSERT INTO notes (body) VALUES ('DROP TABLE users; ALTER TABLE x ADD COLUMN y int');
        CREATE FUNCTION f() RETURNS void AS $$ BEGIN DELETE FROM users; END $$ LANGUAGE plpgsql;
        """);
    assertEquals(List.of("backfill"), t.operations());
    assertEquals(List.of("notes"), t.tables());
  }

  @Test
  void readsSeveralStatementsInOrder() {
    TouchedObjects t = facts.extract("""
        CREATE TABLE a (id int);
        CREATE INDEX CONCURRENTLY idx_a ON a (id);
        ALTER TABLE a DROP COLUMN id;
        """);
    assertEquals(List.of("create_table", "create_index", "drop_column"), t.operations());
    assertEquals(List.of("a"), t.tables());
    assertEquals(List.of("a.id"), t.columns());
    assertTrue(t.terms().contains("idx_a") && t.terms().contains("concurrently"));
  }

  @Test
  void neverThrowsOnGarbage() {
    assertEquals(TouchedObjects.NONE, facts.extract(""));
    assertEquals(TouchedObjects.NONE, facts.extract(null));
    facts.extract("ALTER TABLE (((; CREATE INDEX ON ; $$ unterminated '");
  }

  @Test
  void everyOperationHasAWireName() {
    for (Operation o : Operation.values()) {
      assertEquals(o, Operation.fromWire(o.wireName()).orElseThrow());
    }
    assertEquals(Operation.DROP_COLUMN, Operation.fromWire("Drop-Column").orElseThrow());
  }
}
