package dev.migrationmcp.tools.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Index definitions spelled in Java for plain indexes must equal PostgreSQL's own. */
@PostgresTest
class IndexDefinitionTest {
  @Test
  void everyDefinitionMatchesPgGetIndexdef(TestDatabase db) throws SQLException {
    db.execute("""
        CREATE SCHEMA "Billing";
        CREATE TABLE "Billing"."Invoice Lines" ("Amount" int, "user" text, "order" int, name text COLLATE "C",
          path text, data jsonb, at timestamptz, qty int);
        CREATE INDEX plain_idx ON "Billing"."Invoice Lines" ("Amount");
        CREATE UNIQUE INDEX "Keyword Columns" ON "Billing"."Invoice Lines" ("user", "order");
        CREATE INDEX desc_idx ON "Billing"."Invoice Lines" ("Amount" DESC NULLS LAST);
        CREATE INDEX expr_idx ON "Billing"."Invoice Lines" (lower(path));
        CREATE INDEX partial_idx ON "Billing"."Invoice Lines" (qty) WHERE qty > 0;
        CREATE INDEX include_idx ON "Billing"."Invoice Lines" (qty) INCLUDE (path);
        CREATE INDEX collation_idx ON "Billing"."Invoice Lines" (name);
        CREATE INDEX pattern_idx ON "Billing"."Invoice Lines" (path text_pattern_ops);
        CREATE INDEX hash_idx ON "Billing"."Invoice Lines" USING hash (path);
        CREATE INDEX gin_idx ON "Billing"."Invoice Lines" USING gin (data);
        CREATE INDEX fill_idx ON "Billing"."Invoice Lines" (at) WITH (fillfactor = 70);
        CREATE TABLE measurements (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
        CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        CREATE INDEX measurements_at_idx ON measurements (at);
        CREATE TABLE simple (id int PRIMARY KEY, code text UNIQUE);
        """);
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    try (Connection c = db.connect()) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT ic.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
              + "JOIN pg_class t ON t.oid = i.indrelid WHERE t.relnamespace <> 'pg_catalog'::regnamespace "
              + "AND t.relnamespace <> 'pg_toast'::regnamespace")) {
        while (rs.next()) {
          expected.put(rs.getString(1), rs.getString(2));
        }
      }
      for (TableInfo table : new SchemaIntrospector(c).snapshot().tables()) {
        table.indexes().forEach(i -> actual.put(i.name(), i.definition()));
      }
    }
    assertEquals(expected, actual);
  }
}
