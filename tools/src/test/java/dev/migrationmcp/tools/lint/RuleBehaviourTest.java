package dev.migrationmcp.tools.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.lint.rules.AddPrimaryKey;
import dev.migrationmcp.tools.lint.rules.AddStoredGeneratedOrSerialColumn;
import dev.migrationmcp.tools.lint.rules.DetachPartitionNonConcurrently;
import dev.migrationmcp.tools.lint.rules.DuplicateIndex;
import dev.migrationmcp.tools.lint.rules.EnumAddValueInTransaction;
import dev.migrationmcp.tools.lint.rules.ForeignKeyWithoutIndex;
import dev.migrationmcp.tools.lint.rules.IndexConcurrentlyCorruptionPg14;
import dev.migrationmcp.tools.lint.rules.MultipleExclusiveLocksInTransaction;
import dev.migrationmcp.tools.lint.rules.NotNullOnColumnWithNulls;
import dev.migrationmcp.tools.lint.rules.ReindexNonConcurrently;
import dev.migrationmcp.tools.lint.rules.UncommittedTransaction;
import dev.migrationmcp.tools.lint.rules.UnknownObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the fixtures cannot show in one script: other PostgreSQL versions, live server versions,
 * Flyway's transaction decisions and the SQL of the fixes.
 */
class RuleBehaviourTest {
  private static List<Finding> lint(Rule rule, String sql) {
    return LintFixtures.report(rule, sql, null).findings();
  }

  @Test
  void concurrentBuildOnPg14IsAnErrorOnAffectedMinorsAndFineFrom14Point4() {
    String sql = "-- settings: pg_version=14\n-- live-version: %s\nCREATE INDEX CONCURRENTLY a_idx ON a (x);\n";
    List<Finding> affected = lint(new IndexConcurrentlyCorruptionPg14(), sql.formatted("14.2"));
    assertEquals(1, affected.size());
    assertEquals(Severity.ERROR, affected.get(0).severity());
    assertTrue(affected.get(0).message().contains("14.2"), affected.get(0).message());
    assertEquals(List.of(), lint(new IndexConcurrentlyCorruptionPg14(), sql.formatted("14.4")));
    List<Finding> unknownMinor = lint(new IndexConcurrentlyCorruptionPg14(), sql.formatted("17.6"));
    assertEquals(Severity.WARNING, unknownMinor.get(0).severity(), "the live server is not the target");
    assertEquals(List.of(), lint(new IndexConcurrentlyCorruptionPg14(),
        "-- settings: pg_version=15\nCREATE INDEX CONCURRENTLY a_idx ON a (x);\n"));
  }

  @Test
  void detachPartitionIsOnlyReportedWhereConcurrentlyExists() {
    assertEquals(List.of(), lint(new DetachPartitionNonConcurrently(),
        "-- settings: pg_version=13\nALTER TABLE m DETACH PARTITION m_2020;\n"));
  }

  @Test
  void reindexBeforePg12SuggestsABuildAndSwap() {
    String fix = lint(new ReindexNonConcurrently(), "-- settings: pg_version=11\n"
        + "-- live-index: public.orders orders_customer_idx (customer_id)\nREINDEX INDEX orders_customer_idx;\n")
        .get(0).fix();
    assertTrue(fix.contains("CREATE INDEX CONCURRENTLY orders_customer_idx_new ON public.orders USING btree "
        + "(customer_id);"), fix);
    assertTrue(fix.contains("DROP INDEX CONCURRENTLY orders_customer_idx;"), fix);
    assertTrue(fix.contains("ALTER INDEX orders_customer_idx_new RENAME TO orders_customer_idx;"), fix);
  }

  @Test
  void storedGeneratedColumnFixKeepsItInSyncWithATriggerOrGoesVirtualOn18() {
    String sql = "ALTER TABLE orders ADD COLUMN total bigint GENERATED ALWAYS AS (price * qty + coalesce(fee, 0)) "
        + "STORED;\n";
    String trigger = lint(new AddStoredGeneratedOrSerialColumn(), sql).get(0).fix();
    assertTrue(trigger.contains("NEW.total := NEW.price * NEW.qty + coalesce(NEW.fee, 0);"), trigger);
    String virtual = lint(new AddStoredGeneratedOrSerialColumn(), "-- settings: pg_version=18\n" + sql).get(0).fix();
    assertTrue(virtual.contains("GENERATED ALWAYS AS (price * qty + coalesce(fee, 0)) VIRTUAL"), virtual);
  }

  @Test
  void primaryKeyFixSkipsNotNullStepsForColumnsTheLiveSchemaKnowsAreNotNull() {
    String fix = lint(new AddPrimaryKey(), "-- live-table: public.events rows=10 bytes=10 columns=id:bigint "
        + "not-null=id\nALTER TABLE events ADD PRIMARY KEY (id);\n").get(0).fix();
    assertTrue(fix.startsWith("CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);"), fix);
  }

  @Test
  void locksOfAScriptFlywayRunsWithoutATransactionDoNotAddUp() {
    String sql = "ALTER TABLE orders ADD COLUMN a text;\nALTER TABLE customers ADD COLUMN b text;\n";
    assertEquals(1, lint(new MultipleExclusiveLocksInTransaction(), sql).size());
    assertEquals(List.of(), lint(new MultipleExclusiveLocksInTransaction(),
        "-- flyway:executeInTransaction=false\n" + sql));
    assertEquals(List.of(), lint(new MultipleExclusiveLocksInTransaction(),
        "-- settings: flyway_transaction=false\n" + sql));
    assertEquals(1, lint(new MultipleExclusiveLocksInTransaction(),
        "-- settings: flyway_transaction=false\nBEGIN;\n" + sql + "COMMIT;\n").size());
  }

  @Test
  void enumAddValueAloneInAFlywayScriptRunsOutsideATransaction() {
    assertEquals(List.of(), lint(new EnumAddValueInTransaction(),
        "-- settings: pg_version=11\nALTER TYPE mood ADD VALUE 'happy';\n"));
    assertEquals(1, lint(new EnumAddValueInTransaction(),
        "-- settings: pg_version=11\n-- flyway:executeInTransaction=true\nALTER TYPE mood ADD VALUE 'happy';\n").size());
    assertEquals(List.of(), lint(new EnumAddValueInTransaction(),
        "-- settings: pg_version=12, flyway_transaction=false\nBEGIN;\nALTER TYPE mood ADD VALUE 'happy';\nCOMMIT;\n"));
  }

  @Test
  void anOpenBeginIsNotReportedInsideFlywaysTransaction() {
    assertEquals(List.of(), lint(new UncommittedTransaction(), "BEGIN;\nALTER TABLE a ADD COLUMN b text;\n"));
    assertEquals(1, lint(new UncommittedTransaction(),
        "-- settings: flyway_transaction=false\nBEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\n").size());
  }

  @Test
  void foreignKeyIsCoveredByAnIndexLeadingWithItsColumnsInAnyOrder() {
    String sql = "CREATE TABLE items (a bigint, b bigint, c text, FOREIGN KEY (a, b) REFERENCES pairs (x, y));\n"
        + "CREATE INDEX items_b_a_c_idx ON items (b, a, c);\n";
    assertEquals(List.of(), lint(new ForeignKeyWithoutIndex(), sql));
    assertEquals(1, lint(new ForeignKeyWithoutIndex(), sql.replace("(b, a, c)", "(b, c, a)")).size());
  }

  @Test
  void schemaRulesNeedALiveSchema() {
    assertEquals(List.of(), lint(new UnknownObject(), "ALTER TABLE nowhere ADD COLUMN a text;\n"));
    assertEquals(List.of(), lint(new NotNullOnColumnWithNulls(), "ALTER TABLE a ALTER COLUMN b SET NOT NULL;\n"));
    assertEquals(List.of(), lint(new DuplicateIndex(), "CREATE INDEX a_idx ON a (x);\n"));
  }

  @Test
  void duplicateIndexComparesWithTheLiveDefinition() {
    String live = "-- live-index: public.users users_email_idx using gin (email gin_trgm_ops)\n";
    assertEquals(1, lint(new DuplicateIndex(),
        live + "CREATE INDEX CONCURRENTLY users_email_trgm ON users USING GIN (\"email\" gin_trgm_ops);\n").size());
    assertEquals(List.of(), lint(new DuplicateIndex(),
        live + "CREATE INDEX CONCURRENTLY users_email_btree ON users (email);\n"));
  }

  @Test
  void unknownObjectFollowsRenamesAndSuggestsTheClosestName() {
    String sql = "-- live-table: public.customers rows=1 bytes=1 columns=id:bigint,email:text\n"
        + "ALTER TABLE customers RENAME TO clients;\nALTER TABLE clients RENAME COLUMN email TO mail;\n"
        + "ALTER TABLE clients ALTER COLUMN mail SET NOT NULL;\nALTER TABLE clients ALTER COLUMN maill DROP NOT NULL;\n";
    List<Finding> findings = lint(new UnknownObject(), sql);
    assertEquals(1, findings.size());
    assertEquals(3, findings.get(0).statementIndex());
    assertTrue(findings.get(0).fix().startsWith("Did you mean mail? ALTER TABLE clients ALTER COLUMN mail DROP NOT NULL"),
        findings.get(0).fix());
  }
}
