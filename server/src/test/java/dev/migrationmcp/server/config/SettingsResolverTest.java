package dev.migrationmcp.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {
  @TempDir Path project;

  private ServerSettings resolve(Map<String, String> env, String databaseFlag) {
    return new SettingsResolver(env).resolve(project.toString(), databaseFlag, null);
  }

  @Test
  void defaultsToTheEmbeddedDatabaseWithConventionalMigrations() throws IOException {
    Files.createDirectories(project.resolve("db/migration"));
    ServerSettings settings = resolve(Map.of(), null);
    assertTrue(settings.usesEmbeddedDatabase());
    assertEquals("filesystem:" + project.resolve("db/migration"), settings.migrationLocations().get(0));
  }

  @Test
  void flagBeatsEnvironmentBeatsFlywayConfig() throws IOException {
    Files.writeString(project.resolve("flyway.conf"), "flyway.url=jdbc:postgresql://conf-host/app\n");
    assertEquals("conf-host", resolve(Map.of(), null).databaseUrl().host());
    assertEquals("flyway-host", resolve(Map.of("FLYWAY_URL", "jdbc:postgresql://flyway-host/app"), null).databaseUrl().host());
    assertEquals("env-host", resolve(Map.of("DATABASE_URL", "postgres://u@env-host/app",
        "FLYWAY_URL", "jdbc:postgresql://flyway-host/app"), null).databaseUrl().host());
    assertEquals("flag-host", resolve(Map.of("DATABASE_URL", "postgres://u@env-host/app"),
        "postgres://u@flag-host/app").databaseUrl().host());
  }

  @Test
  void flywayCredentialsFillTheFlywayUrl() {
    ServerSettings settings = resolve(Map.of("FLYWAY_URL", "jdbc:postgresql://h/app", "FLYWAY_USER", "fly",
        "FLYWAY_PASSWORD", "secret"), null);
    assertEquals("fly", settings.databaseUrl().user());
    assertEquals("secret", settings.databaseUrl().password());
    assertTrue(!settings.databaseSource().contains("secret"));
  }

  @Test
  void refusesAMissingProjectDirectory() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SettingsResolver(Map.of()).resolve(project.resolve("nope").toString(), null, null));
    assertTrue(e.getMessage().contains("does not exist"));
  }

  @Test
  void noMigrationFoldersMeansNoLocations() {
    assertEquals(0, resolve(Map.of(), null).migrationLocations().size());
    assertNull(resolve(Map.of(), null).databaseUrl());
  }
}
