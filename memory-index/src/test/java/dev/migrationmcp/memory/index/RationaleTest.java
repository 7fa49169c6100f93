package dev.migrationmcp.memory.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RationaleTest {
  @Test
  void takesTheLeadingBlockThenInlineComments() {
    String sql = """
        -- ------------------------------------------
        -- Why: the order page scans orders per user.
        -- Built concurrently so checkout keeps writing.
        /*
         * Ticket SHOP-123.
         */
        CREATE INDEX CONCURRENTLY idx ON orders (user_id); -- takes ~10 min
        SELECT '-- not a comment';
        """;
    assertEquals("Why: the order page scans orders per user.\nBuilt concurrently so checkout keeps writing.\nTicket SHOP-123."
        + "\n\ntakes ~10 min", Rationale.of(sql));
  }

  @Test
  void emptyWithoutComments() {
    assertEquals("", Rationale.of("CREATE TABLE t (id int);"));
    assertEquals("", Rationale.of(""));
  }

  @Test
  void inlineOnly() {
    assertEquals("keep for support", Rationale.of("ALTER TABLE t DROP COLUMN c; -- keep for support"));
  }
}
