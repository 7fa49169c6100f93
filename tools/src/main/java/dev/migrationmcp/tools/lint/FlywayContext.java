package dev.migrationmcp.tools.lint;

import java.util.List;
import java.util.Map;

/**
 * What the Flyway rules know about the file being linted, beyond its text: its name, the names of
 * the other files in its migration folders (for duplicate versions) and, when a database is
 * connected, the checksums {@code flyway_schema_history} recorded for applied versions.
 *
 * @param fileName the file's name ({@code V3__add_orders.sql}); a path is accepted, its last part is used
 * @param siblingFiles the names of the other files in the migration locations (the file itself may be listed)
 * @param appliedChecksums checksum per applied version, the version as Flyway prints it ({@code 3}, {@code 1.2});
 *     empty when nothing is known
 * @param scriptConfig the settings of the file's script configuration ({@code V3__add_orders.sql.conf}),
 *     empty when it has none
 */
public record FlywayContext(String fileName, List<String> siblingFiles, Map<String, Integer> appliedChecksums,
    Map<String, String> scriptConfig) {

  public FlywayContext {
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("a Flyway context needs the file's name, got '" + fileName + "'");
    }
    siblingFiles = List.copyOf(siblingFiles);
    appliedChecksums = Map.copyOf(appliedChecksums);
    scriptConfig = Map.copyOf(scriptConfig);
  }

  public FlywayContext(String fileName, List<String> siblingFiles, Map<String, Integer> appliedChecksums) {
    this(fileName, siblingFiles, appliedChecksums, Map.of());
  }

  /** The file's own name, without any folder. */
  public String baseName() {
    return baseName(fileName);
  }

  /** The last part of a path written with {@code /} or {@code \}. */
  public static String baseName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }
}
