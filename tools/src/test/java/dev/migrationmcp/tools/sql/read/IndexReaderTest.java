package dev.migrationmcp.tools.sql.read;

import static dev.migrationmcp.tools.sql.read.Reading.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.model.AlterIndex;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.IndexElement;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Reindex;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexReaderTest {

  @Test
  void readsCreateIndexWithEveryClause() {
    CreateIndex index = read("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_email_idx ON ONLY app.orders "
        + "USING btree (lower(email), created_at DESC NULLS LAST, path text_pattern_ops) INCLUDE (total) "
        + "NULLS NOT DISTINCT WITH (fillfactor = 90) TABLESPACE fast WHERE deleted_at IS NULL", CreateIndex.class);
    assertEquals("orders_email_idx", index.name());
    assertEquals(new QualifiedName("app", "orders"), index.table());
    assertTrue(index.unique());
    assertTrue(index.concurrently());
    assertTrue(index.ifNotExists());
    assertTrue(index.only());
    assertEquals("btree", index.method());
    assertEquals(List.of(
        new IndexElement(null, "lower(email)", null, null, false, null),
        new IndexElement("created_at", null, null, null, true, "LAST"),
        new IndexElement("path", null, null, "text_pattern_ops", false, null)), index.elements());
    assertEquals(List.of("created_at", "path"), index.columns());
    assertEquals(List.of("total"), index.include());
    assertTrue(index.nullsNotDistinct());
    assertEquals("fast", index.tablespace());
    assertEquals("deleted_at IS NULL", index.where());
  }

  @Test
  void readsPlainCreateIndex() {
    CreateIndex index = read("create index orders_user_idx on orders (user_id)", CreateIndex.class);
    assertFalse(index.concurrently());
    assertFalse(index.unique());
    assertEquals("btree", index.method());
    assertEquals(List.of("user_id"), index.columns());
    assertNull(index.where());
  }

  @Test
  void readsUnnamedIndexes() {
    CreateIndex index = read("CREATE INDEX ON t USING gin (data jsonb_path_ops)", CreateIndex.class);
    assertNull(index.name());
    assertEquals("gin", index.method());
    assertEquals("jsonb_path_ops", index.elements().get(0).opclass());
    CreateIndex concurrently = read("CREATE INDEX CONCURRENTLY ON t ((a + b), (data->>'k') COLLATE \"C\")",
        CreateIndex.class);
    assertNull(concurrently.name());
    assertTrue(concurrently.concurrently());
    assertEquals("(a + b)", concurrently.elements().get(0).expression());
    assertEquals("C", concurrently.elements().get(1).collation());
  }

  @Test
  void readsIndexOnKeywordNamedColumns() {
    CreateIndex index = read("CREATE INDEX idx ON t (action, path, local, type, key, value)", CreateIndex.class);
    assertEquals(List.of("action", "path", "local", "type", "key", "value"), index.columns());
  }

  static Stream<Arguments> dropIndexes() {
    return Stream.of(
        Arguments.of("DROP INDEX idx", new DropIndex(List.of(QualifiedName.of("idx")), false, false, false)),
        Arguments.of("DROP INDEX CONCURRENTLY idx", new DropIndex(List.of(QualifiedName.of("idx")), true, false,
            false)),
        Arguments.of("DROP INDEX CONCURRENTLY IF EXISTS app.idx", new DropIndex(
            List.of(new QualifiedName("app", "idx")), true, true, false)),
        Arguments.of("DROP INDEX IF EXISTS a, b CASCADE", new DropIndex(
            List.of(QualifiedName.of("a"), QualifiedName.of("b")), false, true, true)),
        Arguments.of("drop index \"Concurrently\"", new DropIndex(List.of(QualifiedName.of("Concurrently")), false,
            false, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dropIndexes")
  void readsDropIndex(String sql, DropIndex expected) {
    assertEquals(expected, read(sql, DropIndex.class));
  }

  static Stream<Arguments> alterIndexes() {
    return Stream.of(
        Arguments.of("ALTER INDEX a RENAME TO b", new AlterIndex(QualifiedName.of("a"), false,
            AlterIndex.Action.RENAME, "b")),
        Arguments.of("ALTER INDEX IF EXISTS s.a SET TABLESPACE fast", new AlterIndex(new QualifiedName("s", "a"),
            true, AlterIndex.Action.SET_TABLESPACE, "fast")),
        Arguments.of("ALTER INDEX parent_idx ATTACH PARTITION s.child_idx", new AlterIndex(
            QualifiedName.of("parent_idx"), false, AlterIndex.Action.ATTACH_PARTITION, "s.child_idx")),
        Arguments.of("ALTER INDEX a SET (fillfactor = 80)", new AlterIndex(QualifiedName.of("a"), false,
            AlterIndex.Action.OTHER, "SET (fillfactor = 80)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alterIndexes")
  void readsAlterIndex(String sql, AlterIndex expected) {
    assertEquals(expected, read(sql, AlterIndex.class));
  }

  static Stream<Arguments> reindexes() {
    return Stream.of(
        Arguments.of("REINDEX INDEX idx", new Reindex(Reindex.Target.INDEX, QualifiedName.of("idx"), false,
            List.of())),
        Arguments.of("REINDEX INDEX CONCURRENTLY s.idx", new Reindex(Reindex.Target.INDEX,
            new QualifiedName("s", "idx"), true, List.of())),
        Arguments.of("REINDEX TABLE CONCURRENTLY orders", new Reindex(Reindex.Target.TABLE,
            QualifiedName.of("orders"), true, List.of())),
        Arguments.of("REINDEX (VERBOSE, TABLESPACE fast) SCHEMA app", new Reindex(Reindex.Target.SCHEMA,
            QualifiedName.of("app"), false, List.of("VERBOSE", "TABLESPACE FAST"))),
        Arguments.of("REINDEX (CONCURRENTLY) TABLE t", new Reindex(Reindex.Target.TABLE, QualifiedName.of("t"), true,
            List.of("CONCURRENTLY"))),
        Arguments.of("REINDEX (CONCURRENTLY false) TABLE t", new Reindex(Reindex.Target.TABLE, QualifiedName.of("t"),
            false, List.of("CONCURRENTLY FALSE"))),
        Arguments.of("REINDEX DATABASE", new Reindex(Reindex.Target.DATABASE, null, false, List.of())),
        Arguments.of("REINDEX SYSTEM CONCURRENTLY app", new Reindex(Reindex.Target.SYSTEM, QualifiedName.of("app"),
            true, List.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reindexes")
  void readsReindex(String sql, Reindex expected) {
    assertEquals(expected, read(sql, Reindex.class));
  }
}
