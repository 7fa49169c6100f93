package dev.migrationmcp.tools.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resource.StringResource;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;
import org.junit.jupiter.api.Test;

/** {@link FlywayScripts} decides like Flyway's own PostgreSQL parser, including what it does not detect. */
class FlywayScriptsTest {
  private static final List<String> STATEMENTS = List.of(
      "CREATE INDEX CONCURRENTLY orders_idx ON orders (customer_id)",
      "create unique index concurrently if not exists a_key on a (x)",
      "CREATE INDEX orders_idx ON orders (customer_id)",
      "DROP INDEX CONCURRENTLY IF EXISTS old_idx",
      "DROP INDEX old_idx",
      "REINDEX INDEX CONCURRENTLY orders_idx",
      "REINDEX TABLE orders",
      "REINDEX SCHEMA public",
      "REINDEX (VERBOSE) DATABASE app",
      "VACUUM (FULL, ANALYZE) orders",
      "vacuum",
      "ANALYZE orders",
      "DISCARD ALL",
      "DISCARD PLANS",
      "CREATE DATABASE reporting",
      "DROP TABLESPACE fast",
      "ALTER SYSTEM SET work_mem = '64MB'",
      "ALTER TYPE public.mood ADD VALUE 'happy' AFTER 'ok'",
      "ALTER TYPE mood RENAME VALUE 'a' TO 'b'",
      "ALTER TABLE measurements DETACH PARTITION m_2020 CONCURRENTLY",
      "SET lock_timeout = '5s'",
      "SELECT 1");

  @Test
  void detectsWhatFlywaysParserDetects() {
    PostgreSQLParser parser = new PostgreSQLParser(new FluentConfiguration(), new ParsingContext());
    for (String sql : STATEMENTS) {
      boolean flyway;
      try (SqlStatementIterator it = parser.parse(new StringResource(sql + ";\n"))) {
        SqlStatement statement = it.next();
        flyway = !statement.canExecuteInTransaction();
      }
      // Without a database Flyway assumes a version before 12 for ALTER TYPE … ADD VALUE.
      assertEquals(flyway, FlywayScripts.detectedNonTransactional(sql, 11), sql);
    }
  }

  @Test
  void addValueIsTransactionalFromPostgres12() {
    assertEquals(false, FlywayScripts.detectedNonTransactional("ALTER TYPE mood ADD VALUE 'happy'", 12));
  }

  @Test
  void readsExecuteInTransactionFromConfFileThenHeader() {
    assertEquals(Optional.of(false), FlywayScripts.executeInTransaction(
        List.of("flyway:executeInTransaction=false"), Map.of()));
    assertEquals(Optional.of(true), FlywayScripts.executeInTransaction(
        List.of("flyway:executeInTransaction=false"), Map.of("executeInTransaction", "true")));
    assertEquals(Optional.empty(), FlywayScripts.executeInTransaction(List.of("adds the orders table"), Map.of()));
  }
}
