package dev.migrationmcp.tools.sql.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.SqlLexer;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.SetParameter;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TransactionControl;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScriptReaderTest {
  private static final String MIGRATION = "-- V12__orders_status.sql\n"
      + "SET lock_timeout = '3s';\n"
      + "BEGIN;\n"
      + "ALTER TABLE IF EXISTS ONLY orders ADD COLUMN status text, ADD CONSTRAINT status_known "
      + "CHECK (status IN ('new', 'paid')) NOT VALID;\n"
      + "COMMIT AND CHAIN;\n"
      + "COMMIT;\n"
      + "-- migration-mcp:ignore create-index-non-concurrently small table\n"
      + "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n"
      + "DROP INDEX CONCURRENTLY IF EXISTS orders_old_idx;\n"
      + "DO $$ BEGIN RAISE NOTICE 'done; really'; END $$;\n"
      + "DROP TYPE IF EXISTS old_status;\n";

  @Test
  void readsAWholeMigration() {
    ReadScript script = ScriptReader.read(MIGRATION);
    List<String> kinds = script.statements().stream().map(ReadStatement::kind).collect(Collectors.toList());
    assertEquals(List.of("SET", "BEGIN", "ALTER TABLE", "COMMIT", "COMMIT", "CREATE INDEX", "DROP INDEX", "DO",
        "DROP TYPE"), kinds);
    assertTrue(script.unparsed().isEmpty(), script.unparsed().toString());
    assertEquals("3s", ((SetParameter) script.statements().get(0).statement()).value());
    assertTrue(((TransactionControl) script.statements().get(3).statement()).chain());
    AlterTable alter = (AlterTable) script.statements().get(2).statement();
    assertEquals(2, alter.actions().size());
    ReadStatement index = script.statements().get(5);
    assertTrue(((CreateIndex) index.statement()).concurrently());
    assertEquals(List.of("migration-mcp:ignore create-index-non-concurrently small table"),
        index.source().leadingCommentLines());
    assertEquals(8, index.line());
    DropIndex drop = (DropIndex) script.statements().get(6).statement();
    assertTrue(drop.concurrently());
    assertTrue(drop.ifExists());
    assertEquals("orders_old_idx", drop.names().get(0).name());
  }

  @Test
  void neverThrowsOnRandomTokenSoup() {
    List<String> words = SqlLexer.tokens(MIGRATION + " ( ) , . :: = [ ] CASE END NOT NULL DEFAULT USING ON TO")
        .stream().map(SqlToken::text).collect(Collectors.toList());
    Random random = new Random(3);
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      String[] starts = {"ALTER TABLE t ", "CREATE INDEX ", "CREATE TABLE t (", "DROP ", "UPDATE t SET ", "SET ",
          "INSERT INTO t ", "CREATE TYPE x AS ", "ALTER TYPE x ", "COMMENT ON ", "GRANT ", "REINDEX ", "WITH x AS ("};
      sb.append(starts[random.nextInt(starts.length)]);
      int n = random.nextInt(25);
      for (int i = 0; i < n; i++) {
        sb.append(words.get(random.nextInt(words.size()))).append(' ');
      }
      Statement s = StatementReader.read(sb.toString());
      assertNotNull(s.kind(), sb.toString());
    }
  }

  @Test
  void neverThrowsOnEveryTruncationOfAMigration() {
    for (int cut = 0; cut <= MIGRATION.length(); cut++) {
      ReadScript script = ScriptReader.read(MIGRATION.substring(0, cut));
      script.statements().forEach(s -> assertNotNull(s.statement()));
    }
  }

  @Test
  void neverThrowsOnRandomBytes() {
    Random random = new Random(5);
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(3000)];
      random.nextBytes(bytes);
      ScriptReader.read(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Test
  void readsHugeAndDeepStatements() {
    String deep = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
    assertEquals("SELECT", StatementReader.read(deep).kind());
    String deepDefault = "ALTER TABLE t ADD c int DEFAULT " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
    assertEquals(Statement.Coverage.MODELLED, StatementReader.read(deepDefault).coverage());
    StringBuilder wide = new StringBuilder("ALTER TABLE t ");
    for (int i = 0; i < 20_000; i++) {
      wide.append(i == 0 ? "" : ", ").append("ADD COLUMN c").append(i).append(" int DEFAULT 0");
    }
    AlterTable alter = (AlterTable) StatementReader.read(wide.toString());
    assertEquals(20_000, alter.actions().size());
  }
}
