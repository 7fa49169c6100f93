package dev.migrationmcp.tools.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.SqlScript;
import dev.migrationmcp.tools.testing.PostgresExtension;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The opt-in live target: one transaction, always rolled back, refused when it could escape. */
@PostgresTest
class LiveDryRunTest {
  @BeforeAll
  static void createTable(TestDatabase db) {
    db.execute("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'a'), (2, 'b');");
  }

  private static DryRunReport live(TestDatabase db, String sql) throws SQLException {
    return new DryRun(new ShadowDatabases(PostgresExtension::serverUrl)).run(new DryRun.Request(db.url(), null,
        List.of(new ScriptPart("up", null, SqlScript.split(sql))), List.of(), 10_000, 1_000, null));
  }

  @Test
  void runsAndRollsBack(TestDatabase db) throws SQLException {
    DryRunReport report = live(db, "ALTER TABLE t ADD COLUMN w int; DELETE FROM t WHERE id = 1; DROP TABLE t;");
    assertTrue(report.ok(), report.toString());
    assertEquals(1, report.statements().get(1).rows());
    assertTrue(report.schemaDiff().lines().contains("- table public.t"));
    assertFalse(report.committed());
    assertEquals("2", db.queryString("SELECT count(*) FROM t"));
    assertEquals("0", db.queryString("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'w'"));
  }

  @Test
  void refusesTheCommitEscape(TestDatabase db) throws SQLException {
    DryRunReport report = live(db, "COMMIT; DROP TABLE t;");
    assertFalse(report.ok());
    assertTrue(report.refused().contains("ends the transaction"), report.refused());
    assertEquals("2", db.queryString("SELECT count(*) FROM t"));
  }

  @Test
  void refusesStatementsThatCannotBeRolledBack(TestDatabase db) throws SQLException {
    assertTrue(live(db, "CREATE INDEX CONCURRENTLY t_v_idx ON t (v)").refused().contains("shadow"));
    assertTrue(live(db, "SET ROLE postgres; DROP TABLE t").refused().contains("identity"));
    assertTrue(live(db, "COPY t TO '/tmp/x.csv'").refused().contains("outside the database"));
    assertTrue(live(db, "PREPARE TRANSACTION 'x'").refused().contains("two-phase"));
  }

  @Test
  void givesUpOnABlockedLockInsteadOfWaiting(TestDatabase db) throws SQLException {
    try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
      holder.setAutoCommit(false);
      s.execute("LOCK TABLE t IN ACCESS SHARE MODE");
      long t0 = System.nanoTime();
      DryRunReport report = live(db, "ALTER TABLE t ADD COLUMN blocked int");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertFalse(report.ok());
      ObservedError error = report.statements().get(0).error();
      assertNotNull(error);
      assertEquals("55P03", error.sqlstate());
      assertTrue(ms < 30_000, "returned after " + ms + " ms");
      holder.rollback();
    }
  }

  @Test
  void reportsTheSequencesItAdvancedWhichTheRollbackKeeps(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE s (id bigint GENERATED ALWAYS AS IDENTITY, v text); CREATE SEQUENCE untouched;"
        + "INSERT INTO s (v) VALUES ('a'), ('b');");
    DryRunReport report = live(db, "INSERT INTO s (v) SELECT 'x' FROM generate_series(1, 5); SELECT nextval('untouched') WHERE false;");
    assertTrue(report.ok(), report.toString());
    assertEquals(List.of(new SequenceAdvance("public.s_id_seq", 2L, 7L)), report.sequencesAdvanced());
    assertTrue(report.notes().stream().anyMatch(n -> n.contains("does not restore sequences")), report.notes().toString());
    assertEquals("2", db.queryString("SELECT count(*) FROM s"), "the rows were rolled back");
    assertEquals("7", db.queryString("SELECT last_value FROM s_id_seq"), "the sequence was not");
    assertEquals(List.of(), live(db, "SELECT count(*) FROM s").sequencesAdvanced());
  }

  @Test
  void refusesALongBlockingLockOnALargeTableUnlessAllowed(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE big (id int PRIMARY KEY, v text); INSERT INTO big SELECT g, 'v' FROM generate_series(1, 2000) g;"
        + "ANALYZE big;");
    BlockingPolicy lowThreshold = new BlockingPolicy(false, new dev.migrationmcp.tools.lint.Thresholds(10, 1 << 10, 1000, 1L << 30));
    for (String sql : List.of("ALTER TABLE big ALTER COLUMN v TYPE varchar(10)", "ALTER TABLE big ALTER COLUMN v SET NOT NULL",
        "CREATE INDEX big_v ON big (v)", "ALTER TABLE big ADD CONSTRAINT v_short CHECK (length(v) < 5)")) {
      DryRunReport report = live(db, "SELECT 1; " + sql, lowThreshold);
      assertNotNull(report.refused(), sql);
      assertTrue(report.refused().contains("statement index 1") && report.refused().contains("line 1"), report.refused());
      assertTrue(report.refused().contains("public.big (~2000 rows"), report.refused());
      assertTrue(report.refused().contains("assumed") && report.refused().contains("shadow"), report.refused());
      assertTrue(report.statements().isEmpty(), "nothing ran");
    }
    assertNull(live(db, "ALTER TABLE big ADD CONSTRAINT v_short CHECK (length(v) < 5) NOT VALID; "
        + "CREATE INDEX ON t (v); ALTER TABLE big ADD COLUMN n int; TRUNCATE big", lowThreshold).refused());
    DryRunReport allowed = live(db, "ALTER TABLE big ALTER COLUMN v TYPE varchar(10)",
        new BlockingPolicy(true, lowThreshold.thresholds()));
    assertTrue(allowed.ok(), allowed.toString());
    assertNull(live(db, "ALTER TABLE big ALTER COLUMN v TYPE varchar(10)").refused(), "2000 rows is small by default");
  }

  @Test
  void estimatesTheLockDurationInOneUnit() {
    assertEquals("less than a second", BlockingCheck.duration(0.2));
    assertEquals("about 45 s", BlockingCheck.duration(45));
    assertEquals("about 35 min", BlockingCheck.duration(2100));
    assertEquals("about 2.5 h", BlockingCheck.duration(9000));
  }

  private static DryRunReport live(TestDatabase db, String sql, BlockingPolicy policy) throws SQLException {
    return new DryRun(new ShadowDatabases(PostgresExtension::serverUrl)).run(new DryRun.Request(db.url(), null,
        List.of(new ScriptPart("up", null, SqlScript.split(sql))), List.of(), 10_000, 1_000, null).withBlocking(policy));
  }
}
