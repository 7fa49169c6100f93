package dev.migrationmcp.tools.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.sql.SqlScript;
import dev.migrationmcp.tools.testing.PostgresExtension;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code baseline: live}: the shadow starts from a schema-only copy of the live database, built
 * once per live schema fingerprint, and the live database is never changed by it.
 */
@PostgresTest
class LiveBaselineTest {
  private static ShadowDatabases shadow;
  private static final Set<String> templates = new LinkedHashSet<>();

  @BeforeAll
  static void liveSchema(TestDatabase live) {
    live.execute("""
        CREATE TABLE live_only_orders (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'new');
        INSERT INTO live_only_orders SELECT g, 'new' FROM generate_series(1, 500) g;
        CREATE AGGREGATE live_sum (int) (sfunc = int4pl, stype = int);""");
    shadow = new ShadowDatabases(PostgresExtension::serverUrl);
  }

  @AfterAll
  static void dropTemplates() throws SQLException {
    try (Connection c = Databases.connect(PostgresExtension.serverUrl()); Statement s = c.createStatement()) {
      for (String t : templates) {
        s.execute("DROP DATABASE IF EXISTS " + t + " WITH (FORCE)");
      }
    }
  }

  private static DryRunReport run(TestDatabase live, String sql) throws SQLException {
    DryRunReport report = new DryRun(shadow).run(new DryRun.Request(null, BaselineSpec.liveSchemaOf(live.url()),
        List.of(new ScriptPart("up", null, SqlScript.split(sql))), List.of(), 60_000, 2_000, new LintPredictor()));
    templates.add(report.baseline().template());
    return report;
  }

  @Test
  void runsOnACopyOfALiveOnlyTableAndSeesItsLock(TestDatabase live) throws SQLException {
    DryRunReport report = run(live, "ALTER TABLE live_only_orders ALTER COLUMN status TYPE varchar(20)");
    assertTrue(report.ok(), report.toString());
    assertEquals(Baseline.LIVE, report.baseline().kind());
    assertTrue(report.baseline().template().startsWith("mmcp_live_"), report.baseline().template());
    StatementReport s = report.statements().get(0);
    assertTrue(s.locks().stream().anyMatch(l -> l.relation().equals("public.live_only_orders")
        && l.mode().equals("AccessExclusiveLock")), s.locks().toString());
    assertFalse(report.baseline().notes().isEmpty(), "says the statistics were not copied");
    assertTrue(DryRunRenderer.render(report).contains("not in the baseline: aggregate public.live_sum(integer)"),
        DryRunRenderer.render(report));
  }

  @Test
  void reusesTheTemplateWhileTheLiveSchemaIsUnchanged(TestDatabase live) throws SQLException {
    DryRunReport first = run(live, "SELECT 1");
    live.execute("INSERT INTO live_only_orders VALUES (100000, 'late')");
    DryRunReport second = run(live, "SELECT 1");
    assertEquals(first.baseline().template(), second.baseline().template());
    assertTrue(second.baseline().reused());
    assertNull(second.baseline().buildMs());
    assertEquals(first.baseline().skipped(), second.baseline().skipped(), "a reused template still says what it lacks");
    assertTrue(second.baseline().skipped().stream().anyMatch(o -> o.kind().equals("aggregate")));
  }

  @Test
  void rebuildsWhenTheLiveSchemaChanges(TestDatabase live) throws SQLException {
    DryRunReport before = run(live, "SELECT 1");
    live.execute("CREATE TABLE live_added_later (id int)");
    try {
      DryRunReport after = run(live, "SELECT count(*) FROM live_added_later");
      assertTrue(after.ok(), after.toString());
      assertNotEquals(before.baseline().fingerprint(), after.baseline().fingerprint());
      assertNotEquals(before.baseline().template(), after.baseline().template());
      assertFalse(after.baseline().reused());
      assertNotNull(after.baseline().buildMs());
      assertNotEquals(before.digest(), after.digest(), "the digest covers the live baseline's fingerprint");
    } finally {
      live.execute("DROP TABLE live_added_later");
    }
  }

  @Test
  void leavesTheLiveDatabaseUnchanged(TestDatabase live) throws SQLException {
    String before = liveFingerprint(live);
    run(live, "DROP TABLE live_only_orders; CREATE TABLE x (id int)");
    assertEquals(before, liveFingerprint(live));
  }

  @Test
  void migrationBaselinesHaveNoLiveFingerprint() {
    assertEquals(Baseline.MIGRATIONS, new BaselineSpec(List.of(), null, List.of()).kind());
    assertThrows(IllegalStateException.class, () -> BaselineSpec.liveSchemaOf(PostgresExtension.serverUrl()).fingerprint());
  }

  /** Schema (structure), row count and a data checksum. */
  private static String liveFingerprint(TestDatabase live) throws SQLException {
    try (Connection c = live.connect()) {
      return DryRun.structuralFingerprint(new SchemaIntrospector(c).snapshot())
          + " rows=" + live.queryString("SELECT count(*) FROM live_only_orders")
          + " checksum=" + live.queryString("SELECT md5(string_agg(id || status, ',' ORDER BY id)) FROM live_only_orders");
    }
  }
}
