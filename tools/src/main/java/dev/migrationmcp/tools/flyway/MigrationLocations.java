package dev.migrationmcp.tools.flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a project keeps its Flyway migrations. Configured locations ({@code filesystem:…},
 * plain paths relative to the project, or {@code classpath:db/migration} mapped to the usual
 * Maven/Gradle resource folders) win; otherwise the conventional folders are probed.
 */
public final class MigrationLocations {
  /** Probed in this order when nothing is configured. */
  public static final List<String> CONVENTIONAL =
      List.of("src/main/resources/db/migration", "db/migration", "migrations");

  private MigrationLocations() {}

  /**
   * Resolves migration folders that exist.
   *
   * @param configured comma-separated Flyway locations, or null to auto-detect
   */
  public static List<Path> resolve(Path projectDir, String configured) {
    List<Path> result = new ArrayList<>();
    if (configured != null && !configured.isBlank()) {
      for (String raw : configured.split(",")) {
        String location = raw.trim();
        if (location.isEmpty()) {
          continue;
        }
        if (location.startsWith("classpath:")) {
          String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
          for (String root : List.of("src/main/resources", "src/test/resources", "")) {
            Path p = projectDir.resolve(root).resolve(resource);
            if (Files.isDirectory(p)) {
              result.add(p.normalize());
              break;
            }
          }
          continue;
        }
        String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
        Path p = projectDir.resolve(path).normalize();
        if (Files.isDirectory(p)) {
          result.add(p);
        }
      }
      return List.copyOf(result);
    }
    for (String conventional : CONVENTIONAL) {
      Path p = projectDir.resolve(conventional);
      if (Files.isDirectory(p)) {
        result.add(p.normalize());
        break;
      }
    }
    return List.copyOf(result);
  }

  /** Flyway location strings ({@code filesystem:/abs/path}) for resolved folders. */
  public static String[] asFlywayLocations(List<Path> folders) {
    return folders.stream().map(p -> "filesystem:" + p.toAbsolutePath()).toArray(String[]::new);
  }
}
