package dev.migrationmcp.tools.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayProjectConfigTest {
  @TempDir Path project;

  @Test
  void readsFlywayConf() throws IOException {
    Files.writeString(project.resolve("flyway.conf"), """
        flyway.url=jdbc:postgresql://db:5432/app
        flyway.user=app
        flyway.password=secret
        flyway.locations=filesystem:sql/migrations
        """);
    FlywayProjectConfig config = FlywayProjectConfig.load(project);
    assertEquals("jdbc:postgresql://db:5432/app", config.url().orElseThrow());
    assertEquals("app", config.user().orElseThrow());
    assertEquals("secret", config.password().orElseThrow());
    assertEquals("filesystem:sql/migrations", config.locations().orElseThrow());
  }

  @Test
  void readsFlywayTomlDefaultEnvironment() throws IOException {
    Files.writeString(project.resolve("flyway.toml"), """
        [environments.default]
        url = "jdbc:postgresql://db:5432/app"
        user = "app"

        [flyway]
        locations = ["filesystem:db/one", "filesystem:db/two"]
        """);
    FlywayProjectConfig config = FlywayProjectConfig.load(project);
    assertEquals("jdbc:postgresql://db:5432/app", config.url().orElseThrow());
    assertEquals("filesystem:db/one,filesystem:db/two", config.locations().orElseThrow());
  }

  @Test
  void emptyWithoutConfigFile() {
    assertTrue(FlywayProjectConfig.load(project).url().isEmpty());
  }

  @Test
  void resolvesConventionalAndConfiguredLocations() throws IOException {
    Files.createDirectories(project.resolve("db/migration"));
    Files.createDirectories(project.resolve("src/main/resources/sql"));
    assertEquals(List.of(project.resolve("db/migration")), MigrationLocations.resolve(project, null));
    assertEquals(List.of(project.resolve("src/main/resources/sql")),
        MigrationLocations.resolve(project, "classpath:sql"));
    assertEquals(List.of(project.resolve("db/migration")),
        MigrationLocations.resolve(project, "filesystem:db/migration,filesystem:missing"));
  }
}
