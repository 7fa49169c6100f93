package dev.migrationmcp.server.config;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.flyway.FlywayProjectConfig;
import dev.migrationmcp.tools.flyway.MigrationLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Applies the one resolution order used everywhere: command-line flag, then environment
 * variable, then the project's {@code flyway.conf}/{@code flyway.toml}, then the default.
 */
public final class SettingsResolver {
  private final Map<String, String> environment;

  public SettingsResolver(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Resolves settings.
   *
   * @param projectFlag {@code --project} or null
   * @param databaseFlag {@code --database-url} or null
   * @param migrationsFlag {@code --migrations} or null
   * @throws IllegalArgumentException for a project directory that does not exist or a bad URL
   */
  public ServerSettings resolve(String projectFlag, String databaseFlag, String migrationsFlag) {
    return resolve(projectFlag, databaseFlag, migrationsFlag, null);
  }

  /**
   * Resolves settings, with {@code --shadow-url} (else {@code SHADOW_DATABASE_URL}) for dry runs.
   */
  public ServerSettings resolve(String projectFlag, String databaseFlag, String migrationsFlag, String shadowFlag) {
    Path project = Path.of(firstNonBlank(projectFlag, environment.get("MIGRATION_MCP_PROJECT"), "."))
        .toAbsolutePath().normalize();
    if (!Files.isDirectory(project)) {
      throw new IllegalArgumentException("project directory " + project + " does not exist");
    }
    FlywayProjectConfig flyway = FlywayProjectConfig.load(project);

    DatabaseUrl url = null;
    String source = "embedded PostgreSQL (no database configured)";
    if (!isBlank(databaseFlag)) {
      url = DatabaseUrl.parse(databaseFlag);
      source = "--database-url";
    } else if (!isBlank(environment.get("DATABASE_URL"))) {
      url = DatabaseUrl.parse(environment.get("DATABASE_URL"));
      source = "DATABASE_URL";
    } else if (!isBlank(environment.get("FLYWAY_URL"))) {
      url = DatabaseUrl.parse(environment.get("FLYWAY_URL"))
          .withCredentials(environment.get("FLYWAY_USER"), environment.get("FLYWAY_PASSWORD"));
      source = "FLYWAY_URL";
    } else if (flyway.url().isPresent()) {
      url = DatabaseUrl.parse(flyway.url().get())
          .withCredentials(
              firstNonBlank(environment.get("FLYWAY_USER"), flyway.user().orElse(null), null),
              firstNonBlank(environment.get("FLYWAY_PASSWORD"), flyway.password().orElse(null), null));
      source = flyway.source().map(p -> project.relativize(p).toString()).orElse("flyway config");
    }

    String configuredLocations = firstNonBlank(migrationsFlag, environment.get("FLYWAY_LOCATIONS"),
        flyway.locations().orElse(null));
    List<String> locations;
    if (configuredLocations != null && configuredLocations.contains("classpath:")
        && MigrationLocations.resolve(project, configuredLocations).isEmpty()) {
      // A classpath location this server itself carries (the bundled sample).
      locations = List.of(configuredLocations.split(","));
    } else {
      locations = List.of(MigrationLocations.asFlywayLocations(MigrationLocations.resolve(project, configuredLocations)));
    }
    String shadow = firstNonBlank(shadowFlag, environment.get("SHADOW_DATABASE_URL"), null);
    return new ServerSettings(project, url, locations, source, shadow == null ? null : DatabaseUrl.parse(shadow),
        null, null);
  }

  /**
   * Resolves settings including the memory directories.
   *
   * @param indexDirFlag {@code --index-dir} or null (default {@code <project>/.migration-mcp/index})
   * @param decisionsFlag {@code --decisions} or null (default {@code <project>/db/decisions})
   */
  public ServerSettings resolve(String projectFlag, String databaseFlag, String migrationsFlag, String indexDirFlag,
      String decisionsFlag) {
    return resolve(projectFlag, databaseFlag, migrationsFlag, null, indexDirFlag, decisionsFlag);
  }

  /** Resolves every setting: database, migrations, shadow server and memory directories. */
  public ServerSettings resolve(String projectFlag, String databaseFlag, String migrationsFlag, String shadowFlag,
      String indexDirFlag, String decisionsFlag) {
    ServerSettings settings = resolve(projectFlag, databaseFlag, migrationsFlag, shadowFlag);
    return settings.withMemoryDirs(projectPath(settings.projectDir(), indexDirFlag),
        projectPath(settings.projectDir(), decisionsFlag));
  }

  /** A directory flag: absolute as given, relative to the project directory otherwise; null when unset. */
  private static Path projectPath(Path project, String flag) {
    return isBlank(flag) ? null : project.resolve(flag.trim()).toAbsolutePath().normalize();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String firstNonBlank(String a, String b, String fallback) {
    if (!isBlank(a)) {
      return a.trim();
    }
    if (!isBlank(b)) {
      return b.trim();
    }
    return fallback;
  }
}
