package dev.migrationmcp.tools.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.flyway.MigrationLocations;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out-of-order and ignored migrations, as Flyway's info classifies them. */
@PostgresTest
class OutOfOrderStatusTest {
  @TempDir Path project;

  @Test
  void tellsOutOfOrderFromIgnored(TestDatabase db) throws Exception {
    Path folder = Files.createDirectories(project.resolve("db/migration"));
    String location = MigrationLocations.asFlywayLocations(List.of(folder))[0];
    Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id int);\n");
    Files.writeString(folder.resolve("V3__c.sql"), "CREATE TABLE c (id int);\n");
    Flyway.configure().dataSource(db.url().jdbcUrl(), db.url().user(), db.url().password()).locations(location).load().migrate();
    Files.writeString(folder.resolve("V2__b.sql"), "CREATE TABLE b (id int);\n");
    Flyway.configure().dataSource(db.url().jdbcUrl(), db.url().user(), db.url().password()).locations(location)
        .outOfOrder(true).load().migrate();
    Files.writeString(folder.resolve("V2_5__late.sql"), "CREATE TABLE late (id int);\n");

    MigrationStatus s = MigrationStatusCheck.run(new MigrationStatusCheck.Request(db.url(), db.url().describe(), true,
        List.of(location), List.of(folder), project, null, 30_000));
    assertEquals(List.of("2"), s.outOfOrder(), StatusRenderer.render(s));
    assertEquals(List.of("2.5"), s.ignored());
    assertEquals(List.of(), s.pending(), "below the current version it is ignored, not pending");
    assertFalse(s.clean());
    assertTrue(s.problems().get(0).contains("outOfOrder"), s.problems().toString());
    assertFalse(s.schemaDrift().checked(), "not asked for");
  }
}
