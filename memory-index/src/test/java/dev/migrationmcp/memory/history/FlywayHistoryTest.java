package dev.migrationmcp.memory.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.memory.index.MemorySettings;
import dev.migrationmcp.memory.index.MigrationIndex;
import dev.migrationmcp.memory.search.SearchHit;
import dev.migrationmcp.memory.search.SearchRequest;
import dev.migrationmcp.tools.flyway.MigrationReplay;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading flyway_schema_history on a real PostgreSQL, read-only, and feeding it into the index. */
@PostgresTest
class FlywayHistoryTest {
  @TempDir Path project;

  @Test
  void readsAppliedMigrationsAndLeavesTheConnectionAsItWas(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      assertEquals(List.of(), FlywayHistory.read(c, null), "no history table is no history, not an error");
      assertTrue(c.getAutoCommit());
    }
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(migrations.resolve("V1__create_users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, legacy_id int);");
    Files.writeString(migrations.resolve("V2__drop_legacy_id.sql"), "ALTER TABLE users DROP COLUMN legacy_id;");
    Files.writeString(migrations.resolve("R__users_view.sql"), "CREATE OR REPLACE VIEW users_view AS SELECT id FROM users;");
    MigrationReplay.migrate(db.url(), "filesystem:" + migrations);

    try (Connection c = db.connect()) {
      List<AppliedMigration> rows = FlywayHistory.read(c, "flyway_schema_history");
      assertEquals(3, rows.size());
      AppliedMigration v2 = rows.get(1);
      assertEquals("2", v2.version());
      assertEquals("V2__drop_legacy_id.sql", v2.script());
      assertTrue(v2.success());
      assertNotNull(v2.installedOn());
      assertNotNull(v2.checksum());
      assertEquals(db.url().user(), v2.installedBy());
      assertTrue(c.getAutoCommit(), "autocommit restored");
      assertFalse(c.isReadOnly());
    }

    MemorySettings settings = MemorySettings.of(project, List.of(migrations), null, project.resolve("db/decisions"))
        .withGit(false).withHistory(FlywayHistory.from(db.url()));
    try (MigrationIndex index = MigrationIndex.open(settings)) {
      SearchHit hit = index.search(SearchRequest.of("legacy_id").withOperation("drop_column")).hits().get(0);
      assertEquals("2", hit.version());
      assertNotNull(hit.appliedAt());
      assertEquals(db.url().user(), hit.appliedBy());
      assertEquals(Boolean.TRUE, hit.success());
      SearchHit view = index.search(SearchRequest.of("users_view")).hits().get(0);
      assertEquals("repeatable", view.type());
      assertNotNull(view.appliedAt());
    }
  }

  @Test
  void findsAConfiguredHistoryTableInAnotherSchema(TestDatabase db) throws Exception {
    db.execute("""
        CREATE SCHEMA IF NOT EXISTS ops;
        CREATE TABLE ops.deploy_history (installed_rank int, version varchar(50), description varchar(200),
          type varchar(20), script varchar(1000), checksum int, installed_by varchar(100),
          installed_on timestamp DEFAULT now(), execution_time int, success boolean);
        INSERT INTO ops.deploy_history VALUES (1, '7', 'x', 'SQL', 'V7__x.sql', 1, 'me', now(), 5, false);
        """);
    try (Connection c = db.connect()) {
      List<AppliedMigration> rows = FlywayHistory.read(c, "deploy_history");
      assertTrue(rows.size() == 1 && rows.stream().anyMatch(r -> "7".equals(r.version()) && !r.success() && r.executionTimeMs() == 5), rows.toString());
    }
  }
}
