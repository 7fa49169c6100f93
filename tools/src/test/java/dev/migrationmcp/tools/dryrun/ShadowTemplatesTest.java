package dev.migrationmcp.tools.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.flyway.MigrationFiles;
import dev.migrationmcp.tools.flyway.MigrationLocations;
import dev.migrationmcp.tools.testing.PostgresExtension;
import dev.migrationmcp.tools.testing.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building a new baseline drops all but the newest few templates of its kind. */
@PostgresTest
class ShadowTemplatesTest {
  @TempDir Path project;

  @Test
  void onlyTheNewestTemplatesOfAKindAreKept() throws Exception {
    List<String> stale = new ArrayList<>();
    try (Connection c = Databases.connect(PostgresExtension.serverUrl()); Statement s = c.createStatement()) {
      for (int i = 0; i < ShadowDatabases.TEMPLATES_KEPT + 2; i++) {
        String name = "mmcp_base_stale" + ProcessHandle.current().pid() + "x" + i;
        s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        stale.add(name);
      }
    }
    Path folder = Files.createDirectories(project.resolve("db/migration"));
    // Content unique to this run: a fingerprint no template has yet, so the baseline is built.
    Files.writeString(folder.resolve("V1__t.sql"), "CREATE TABLE t (id int); -- " + System.nanoTime() + "\n");
    Baseline built = new ShadowDatabases(PostgresExtension::serverUrl).baseline(new BaselineSpec(
        List.of(MigrationLocations.asFlywayLocations(List.of(folder))), null, MigrationFiles.list(List.of(folder))));
    assertFalse(built.reused());

    List<String> left = baseTemplates();
    try {
      assertTrue(left.contains(built.template()), "the new template stays: " + left);
      assertTrue(left.size() <= ShadowDatabases.TEMPLATES_KEPT, left.toString());
      assertFalse(left.contains(stale.get(0)), "the oldest stale template was dropped: " + left);
      assertEquals(stale.subList(stale.size() - (ShadowDatabases.TEMPLATES_KEPT - 1), stale.size()),
          left.stream().filter(stale::contains).toList(), "the newest ones stay, in order");
    } finally {
      try (Connection c = Databases.connect(PostgresExtension.serverUrl()); Statement s = c.createStatement()) {
        for (String name : stale) {
          s.execute("DROP DATABASE IF EXISTS " + name);
        }
      }
    }
  }

  private static List<String> baseTemplates() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = Databases.connect(PostgresExtension.serverUrl()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'mmcp\\_base\\_%' ORDER BY oid")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
