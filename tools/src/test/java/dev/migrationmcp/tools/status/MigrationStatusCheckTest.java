package dev.migrationmcp.tools.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.dryrun.ShadowDatabases;
import dev.migrationmcp.tools.flyway.FlywayChecksum;
import dev.migrationmcp.tools.flyway.MigrationLocations;
import dev.migrationmcp.tools.flyway.MigrationReplay;
import dev.migrationmcp.tools.testing.PostgresExtension;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PostgresTest
class MigrationStatusCheckTest {
  @TempDir Path project;

  private MigrationStatus status(TestDatabase db, Path folder, boolean live) {
    List<String> locations = List.of(MigrationLocations.asFlywayLocations(List.of(folder)));
    SchemaDriftCheck drift = new SchemaDriftCheck(new ShadowDatabases(PostgresExtension::serverUrl), 30_000);
    return MigrationStatusCheck.run(new MigrationStatusCheck.Request(db.url(), db.url().describe(), live, locations,
        List.of(folder), project, drift, 30_000));
  }

  @Test
  void reportsEveryKindOfDriftFlywayAndTheSchemaKnow(TestDatabase db) throws Exception {
    Path folder = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(folder.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
    Files.writeString(folder.resolve("V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    Files.writeString(folder.resolve("V3__audit.sql"), "CREATE TABLE audit (id bigint, at timestamptz);\n");
    MigrationReplay.migrate(db.url(), MigrationLocations.asFlywayLocations(List.of(folder)));

    MigrationStatus clean = status(db, folder, true);
    assertTrue(clean.clean(), StatusRenderer.render(clean));
    assertEquals("3", clean.currentVersion());
    assertEquals(List.of("1", "2", "3"), clean.applied());
    assertTrue(clean.schemaDrift().checked() && !clean.schemaDrift().drifted(), clean.schemaDrift().toString());
    assertEquals(List.of(), clean.validation());

    String historyBefore = db.queryString("SELECT count(*) FROM flyway_schema_history");
    Files.writeString(folder.resolve("V1__accounts.sql"), "-- edited after it was applied\n"
        + "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
    Files.delete(folder.resolve("V2__orders.sql"));
    String broken = "ALTER TABLE nowhere ADD COLUMN x int;\n";
    Files.writeString(folder.resolve("V3_5__broken.sql"), broken);
    Files.writeString(folder.resolve("V4__pending.sql"), "CREATE TABLE later (id bigint);\n");
    db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
        + "installed_by, execution_time, success) VALUES (5, '3.5', 'broken', 'SQL', 'V3_5__broken.sql', "
        + FlywayChecksum.of(broken) + ", 'deployer', 7, false)");
    db.execute("ALTER TABLE accounts ADD COLUMN nickname text");
    historyBefore = String.valueOf(Integer.parseInt(historyBefore) + 1);

    MigrationStatus s = status(db, folder, true);
    String text = StatusRenderer.render(s);
    assertFalse(s.clean(), text);
    assertEquals(List.of("1"), s.checksumMismatches(), text);
    assertEquals(List.of("2"), s.missing(), text);
    assertEquals(List.of("3.5"), s.failed(), text);
    assertEquals(List.of("4"), s.pending(), text);
    MigrationEntry v1 = s.migrations().stream().filter(m -> "1".equals(m.version())).findFirst().orElseThrow();
    assertEquals("db/migration/V1__accounts.sql", v1.path());
    assertEquals(Boolean.FALSE, v1.checksumMatches());
    assertEquals(FlywayChecksum.of(Files.readString(folder.resolve("V1__accounts.sql"))), v1.fileChecksum(),
        "Flyway's own checksum (used here) and the lint rule's FlywayChecksum agree");
    assertTrue(s.validation().stream().anyMatch(e -> "CHECKSUM_MISMATCH".equals(e.code())), s.validation().toString());

    SchemaDrift drift = s.schemaDrift();
    assertTrue(drift.drifted(), text);
    assertEquals("2 migrations up to V3", drift.baseline());
    assertTrue(drift.lines().contains("+ column public.accounts.nickname: text"), drift.lines().toString());
    assertTrue(drift.lines().contains("+ table public.orders"), "V2's table is only live now: " + drift.lines());
    assertTrue(drift.lines().stream().noneMatch(l -> l.contains("flyway_schema_history")), drift.lines().toString());
    assertTrue(text.contains("+ column public.accounts.nickname: text"), text);
    assertEquals(4, s.problems().size(), text);
    MigrationStatus compact = s.compact(0, 1);
    assertEquals(1, compact.migrationsOmitted(), "only the unremarkable V3 is left out");
    assertEquals(List.of("1", "2", "3.5", "4"), compact.migrations().stream().map(MigrationEntry::version).toList());
    assertEquals(List.of("+ column public.accounts.nickname: text"), compact.schemaDrift().lines());
    assertEquals(1, compact.schemaDrift().omitted());
    assertEquals(1, compact.schemaDrift().diff().added().size());
    assertEquals(List.of("1"), compact.checksumMismatches(), "the lists by state stay whole");
    assertTrue(StatusRenderer.render(compact).contains("… and 1 more difference(s)"));
    assertEquals(s, s.compact(10, 10), "nothing to leave out");

    assertEquals(historyBefore, db.queryString("SELECT count(*) FROM flyway_schema_history"), "status only reads");
    assertEquals("0", db.queryString("SELECT count(*) FROM pg_database WHERE datname LIKE 'mmcp\\_dry\\_%'"),
        "the clone read for the replay is dropped");
  }

  @Test
  void refusesAProjectWithoutMigrationFolders(TestDatabase db) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MigrationStatusCheck.run(
        new MigrationStatusCheck.Request(db.url(), db.url().describe(), true, List.of(), List.of(), project, null, 30_000)));
    assertTrue(e.getMessage().contains("--migrations"), e.getMessage());
  }

  @Test
  void doesNotMeasureDriftOnTheEmbeddedReplay(TestDatabase db) throws Exception {
    Path folder = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(folder.resolve("V1__t.sql"), "CREATE TABLE IF NOT EXISTS t_embedded (id int);\n");
    MigrationStatus s = status(db, folder, false);
    assertFalse(s.schemaDrift().checked());
    assertTrue(s.schemaDrift().note().contains("no live database configured"), s.schemaDrift().note());
    assertNull(s.schemaDrift().diff());
  }
}
