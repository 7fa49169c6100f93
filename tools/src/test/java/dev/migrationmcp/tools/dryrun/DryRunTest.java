package dev.migrationmcp.tools.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.flyway.MigrationFiles;
import dev.migrationmcp.tools.flyway.MigrationLocations;
import dev.migrationmcp.tools.sql.SqlScript;
import dev.migrationmcp.tools.testing.PostgresExtension;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PostgresTest
class DryRunTest {
  @TempDir static Path project;
  private static ShadowDatabases shadow;
  private static BaselineSpec baseline;

  @BeforeAll
  static void writeMigrations() throws IOException {
    Path folder = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(folder.resolve("V1__accounts.sql"), """
        CREATE TABLE accounts (id bigint PRIMARY KEY, email text, balance integer);
        INSERT INTO accounts SELECT g, 'user' || g || '@example.com', g FROM generate_series(1, 50000) g;
        """);
    Files.writeString(folder.resolve("V2__events.sql"), "CREATE TABLE events (id bigint, account_id bigint);\n");
    shadow = new ShadowDatabases(PostgresExtension::serverUrl);
    baseline = spec(folder);
  }

  private static BaselineSpec spec(Path folder) {
    return new BaselineSpec(List.of(MigrationLocations.asFlywayLocations(List.of(folder))), null,
        MigrationFiles.list(List.of(folder)));
  }

  private static DryRunReport shadowRun(String up, String down) throws SQLException {
    return new DryRun(shadow).run(new DryRun.Request(null, baseline,
        List.of(new ScriptPart("up", null, SqlScript.split(up))),
        down == null ? List.of() : List.of(new ScriptPart("down", null, SqlScript.split(down))),
        60_000, 2_000, new LintPredictor()));
  }

  private static StatementReport only(DryRunReport report) {
    assertEquals(1, report.statements().size(), report.toString());
    return report.statements().get(0);
  }

  @Test
  void observesARewriteAndAnAccessExclusiveLock() throws SQLException {
    DryRunReport report = shadowRun("ALTER TABLE accounts ADD COLUMN token text DEFAULT md5(random()::text)", null);
    StatementReport s = only(report);
    assertTrue(report.ok());
    assertEquals(List.of("public.accounts"), s.rewrites().stream().filter(r -> !r.contains("(")).toList());
    assertEquals("AccessExclusiveLock", s.locks().get(0).mode());
    assertEquals("public.accounts", s.locks().get(0).relation());
    assertFalse(report.committed());
  }

  @Test
  void seesThatAConstantDefaultDoesNotRewrite() throws SQLException {
    StatementReport s = only(shadowRun("ALTER TABLE accounts ADD COLUMN active boolean NOT NULL DEFAULT true", null));
    assertEquals(List.of(), s.rewrites());
  }

  @Test
  void observesTheTrueLocksOfNotValidThenValidate() throws SQLException {
    DryRunReport report = shadowRun("""
        ALTER TABLE events ADD CONSTRAINT events_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
        COMMIT;
        ALTER TABLE events VALIDATE CONSTRAINT events_account_fk;
        """, null);
    StatementReport add = report.statements().get(0);
    assertTrue(add.locks().stream().anyMatch(l -> l.relation().equals("public.events")
        && l.mode().equals("ShareRowExclusiveLock")), add.locks().toString());
    assertTrue(add.locks().stream().anyMatch(l -> l.relation().equals("public.accounts")
        && l.mode().equals("ShareRowExclusiveLock")), "a foreign key locks the referenced table too: " + add.locks());
    StatementReport validate = report.statements().get(2);
    assertTrue(validate.locks().stream().anyMatch(l -> l.relation().equals("public.events")
        && l.mode().equals("ShareUpdateExclusiveLock")), validate.locks().toString());
    assertTrue(validate.disagreements().isEmpty(), "lint predicted the same: " + validate.disagreements());
  }

  @Test
  void seesTheFullScanOfSetNotNull() throws SQLException {
    StatementReport s = only(shadowRun("ALTER TABLE accounts ALTER COLUMN email SET NOT NULL", null));
    assertTrue(s.scans().stream().anyMatch(x -> x.table().equals("public.accounts") && x.seqScans() >= 1
        && x.tuplesRead() >= 50_000), s.scans().toString());
  }

  @Test
  void runsConcurrentIndexBuildsOutsideTheTransactionAndSamplesTheirLocks() throws SQLException {
    DryRunReport report = shadowRun("CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email)", null);
    StatementReport s = only(report);
    assertTrue(report.ok(), report.toString());
    assertTrue(s.outsideTransaction());
    assertTrue(s.locks().stream().anyMatch(l -> l.relation().equals("public.accounts")
        && l.mode().equals("ShareUpdateExclusiveLock")), s.locks().toString());
    assertTrue(report.schemaDiff().added().stream().anyMatch(c -> c.kind().equals("index")));
  }

  @Test
  void reportsErrorsAtTheirPositionInTheFileAndSkipsTheRest() throws SQLException {
    DryRunReport report = shadowRun("""
        ALTER TABLE accounts ADD COLUMN note text;

        ALTER TABLE accounts
          ADD COLUMN score nosuchtype;
        ALTER TABLE accounts DROP COLUMN balance;
        """, null);
    assertFalse(report.ok());
    StatementReport failed = report.statements().get(1);
    assertEquals("42704", failed.error().sqlstate());
    assertEquals(4, failed.error().line());
    assertEquals(20, failed.error().column());
    assertNotNull(report.statements().get(2).skipped());
    assertNull(report.schemaDiff());
  }

  @Test
  void diffsTheSchema() throws SQLException {
    DryRunReport report = shadowRun("""
        ALTER TABLE events ADD COLUMN kind text NOT NULL DEFAULT 'login';
        CREATE INDEX events_account_idx ON events (account_id);
        ALTER TABLE accounts ALTER COLUMN balance TYPE bigint;
        """, null);
    List<String> lines = report.schemaDiff().lines();
    assertTrue(lines.contains("+ column public.events.kind: text NOT NULL DEFAULT 'login'::text"), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("+ index public.events.events_account_idx")), lines.toString());
    assertTrue(lines.contains("~ column public.accounts.balance: type: integer → bigint"), lines.toString());
  }

  @Test
  void judgesReversibility() throws SQLException {
    DryRunReport good = shadowRun("ALTER TABLE events ADD COLUMN kind text", "ALTER TABLE events DROP COLUMN kind");
    assertTrue(good.reversible().ok(), good.reversible().toString());
    DryRunReport bad = shadowRun("""
        ALTER TABLE events ADD COLUMN kind text;
        CREATE INDEX events_kind_idx ON events (kind);
        """, "DROP INDEX events_kind_idx");
    assertFalse(bad.reversible().ok());
    assertTrue(bad.reversible().residualDiff().lines().contains("+ column public.events.kind: text"),
        bad.reversible().residualDiff().lines().toString());
  }

  @Test
  void modelsTransactionControlInTheScript() throws SQLException {
    DryRunReport report = shadowRun("BEGIN; ALTER TABLE events ADD COLUMN kind text; COMMIT;", null);
    assertTrue(report.ok());
    assertEquals("modelled: the dry run owns the transaction", report.statements().get(0).skipped());
    assertTrue(report.schemaDiff().lines().contains("+ column public.events.kind: text"));
  }

  @Test
  void reusesTheBaselineUntilAMigrationChanges() throws SQLException, IOException {
    shadowRun("SELECT 1", null);
    assertTrue(shadowRun("SELECT 1", null).baseline().reused());
    Path other = Files.createDirectories(project.resolve("other"));
    Files.writeString(other.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
    String first = spec(other).fingerprint();
    assertEquals(first, spec(other).fingerprint());
    Files.writeString(other.resolve("V1__t.sql"), "CREATE TABLE t (id bigint);\n");
    assertNotEquals(first, spec(other).fingerprint());
  }

  @Test
  void keepsNothing() throws SQLException {
    shadowRun("DROP TABLE accounts", null);
    try (Connection c = Databases.connect(PostgresExtension.serverUrl()); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'mmcp\\_dry\\_%'")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "the clone was dropped");
    }
    DryRunReport again = shadowRun("SELECT count(*) FROM accounts", null);
    assertEquals(1, again.statements().get(0).rows());
  }

  @Test
  void dropsOrphanClonesOfDeadProcesses() throws SQLException {
    try (Connection c = Databases.connect(PostgresExtension.serverUrl()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE mmcp_dry_1700000000_999999999_1");
    }
    assertTrue(shadow.dropOrphans().contains("mmcp_dry_1700000000_999999999_1"));
  }

  @Test
  void digestCoversTheSqlAndTheBaseline() throws SQLException {
    String a = shadowRun("ALTER TABLE events ADD COLUMN a int", null).digest();
    assertEquals(a, shadowRun("ALTER TABLE events ADD COLUMN a int", null).digest());
    assertNotEquals(a, shadowRun("ALTER TABLE events ADD COLUMN b int", null).digest());
    assertTrue(a.startsWith("sha256:"));
  }
}
