package dev.migrationmcp.tools.sql.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.ScriptNote;
import dev.migrationmcp.tools.sql.SourcePosition;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.Query;
import dev.migrationmcp.tools.sql.model.Update;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Whole scripts in the three shapes real migrations come in: pg_dump output, Flyway, psql. */
class FixtureScriptsTest {

  private static ReadScript read(String resource) throws IOException {
    try (InputStream in = FixtureScriptsTest.class.getResourceAsStream("/dev/migrationmcp/tools/sql/" + resource)) {
      return ScriptReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static List<String> kinds(ReadScript script) {
    return script.statements().stream().map(ReadStatement::kind).collect(Collectors.toList());
  }

  @Test
  void readsPgDumpOutput() throws IOException {
    ReadScript script = read("pg_dump.sql");
    assertTrue(script.unparsed().isEmpty(), script.unparsed().toString());
    assertEquals(List.of("SET", "SET", "SET", "SET", "SET", "SELECT", "SET", "SET", "SET", "SET", "CREATE SCHEMA",
        "ALTER SCHEMA", "CREATE EXTENSION", "COMMENT", "CREATE TYPE", "CREATE FUNCTION", "SET", "SET", "CREATE TABLE",
        "CREATE SEQUENCE", "ALTER SEQUENCE", "ALTER TABLE", "COPY", "SELECT", "ALTER TABLE", "CREATE INDEX",
        "CREATE INDEX", "CREATE TRIGGER", "ALTER TABLE", "REVOKE", "GRANT"), kinds(script));
    assertEquals(List.of(ScriptNote.Kind.META_COMMAND, ScriptNote.Kind.COPY_DATA, ScriptNote.Kind.META_COMMAND),
        script.notes().stream().map(ScriptNote::kind).collect(Collectors.toList()));
    Query setConfig = (Query) script.statements().get(5).statement();
    assertEquals("search_path", setConfig.settings().get(0).name());
    CreateTable orders = (CreateTable) script.statements().get(18).statement();
    assertEquals("order_status", orders.column("status").type().name());
    assertEquals("shop", orders.column("status").type().schema());
    assertEquals("'new'::shop.order_status", orders.column("status").defaultExpression());
    AlterTable setDefault = (AlterTable) script.statements().get(21).statement();
    assertEquals(new AlterTableAction.SetDefault("id", "nextval('shop.orders_id_seq'::regclass)"),
        setDefault.actions().get(0));
  }

  @Test
  void readsFlywayMigrationWithPlaceholders() throws IOException {
    ReadScript script = read("flyway_migration.sql");
    assertTrue(script.unparsed().isEmpty(), script.unparsed().toString());
    assertEquals(List.of("SET", "SET", "CREATE INDEX", "ALTER TABLE", "ALTER TABLE", "ALTER TABLE", "DROP INDEX",
        "REINDEX", "ALTER TYPE", "UPDATE", "ANALYZE"), kinds(script));
    assertTrue(script.statements().get(0).source().leadingCommentLines()
        .contains("flyway:executeInTransaction=false"));
    assertEquals(List.of("migration-mcp:ignore create-index-non-concurrently built before the table fills"),
        script.statements().get(2).source().leadingCommentLines());
    assertEquals(List.of("status"), ((Update) script.statements().get(9).statement()).duplicateAssignments());
    assertEquals(List.of("the final statement has no semicolon"),
        script.statements().get(10).source().leadingCommentLines());
  }

  @Test
  void pointsAtTheOffendingFragment() throws IOException {
    ReadScript script = read("flyway_migration.sql");
    ReadStatement check = script.statements().get(3);
    SourcePosition p = check.position("CHECK (total >= 0)");
    assertEquals(check.line() + 1, p.line());
    assertEquals(42, p.column());
    assertEquals(check.line(), check.position("no such text").line());
  }

  @Test
  void readsPsqlScriptWithVariablesAndAtomicBodies() throws IOException {
    ReadScript script = read("psql_script.sql");
    assertTrue(script.unparsed().isEmpty(), script.unparsed().toString());
    assertEquals(List.of("BEGIN", "CREATE TABLE", "CREATE TABLE", "CREATE FUNCTION", "DO", "COMMIT", "ROLLBACK"),
        kinds(script));
    assertEquals(3, script.notes().size());
    CreateTable events = (CreateTable) script.statements().get(1).statement();
    assertEquals(List.of("id", "action", "path", "local", "payload"),
        events.columns().stream().map(c -> c.name()).collect(Collectors.toList()));
    assertEquals("RANGE (id)", events.partitionBy());
  }
}
