package dev.migrationmcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.lint.LiveSchemaLoader;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The live facts lint uses are reused while the catalog is unchanged and re-read after any DDL. */
@PostgresTest
class LiveLintCacheTest {

  @Test
  void reusedWhileTheCatalogIsUnchangedAndReadAgainAfterDdl(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, status text)");
    LiveLintCache cache = new LiveLintCache();
    LiveSchemaLoader.Loaded first = cache.get(true, db.url());
    assertSame(first, cache.get(true, db.url()), "an unchanged catalog: the same facts, not read again");

    db.execute("ALTER TABLE orders ADD COLUMN user_id bigint");
    LiveSchemaLoader.Loaded afterAdd = cache.get(true, db.url());
    assertNotSame(first, afterAdd, "a new column changes the catalog stamp");
    assertTrue(afterAdd.schema().table("public.orders").orElseThrow().columns().stream()
        .anyMatch(c -> c.name().equals("user_id")), "the new column is in the re-read schema");

    db.execute("CREATE INDEX orders_status_idx ON orders (status)");
    LiveSchemaLoader.Loaded afterIndex = cache.get(true, db.url());
    assertNotSame(afterAdd, afterIndex, "a new index changes the catalog stamp");

    db.execute("ALTER TABLE orders ALTER COLUMN status SET NOT NULL");
    assertNotSame(afterIndex, cache.get(true, db.url()), "a changed nullability changes the catalog stamp");
  }

  @Test
  void theStampChangesWithDdlAndNotWithData(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, payload text)");
    try (Connection c = db.connect()) {
      String before = LiveLintCache.stamp(c);
      db.execute("INSERT INTO events SELECT g, 'x' FROM generate_series(1, 100) g");
      assertTrue(before.equals(LiveLintCache.stamp(c)), "rows written: same stamp");
      db.execute("ALTER TABLE events RENAME COLUMN payload TO body");
      assertNotEquals(before, LiveLintCache.stamp(c), "a renamed column: another stamp");
    }
  }
}
