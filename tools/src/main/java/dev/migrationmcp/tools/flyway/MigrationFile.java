package dev.migrationmcp.tools.flyway;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A migration file named by Flyway's default conventions: {@code V<version>__<description>.sql}
 * (versioned), {@code U<version>__<description>.sql} (undo) or {@code R__<description>.sql}
 * (repeatable). Versions compare the way Flyway compares them ({@link MigrationVersion}).
 */
public record MigrationFile(Path path, Type type, MigrationVersion version, String description) {
  /** Flyway's three kinds of SQL migration. */
  public enum Type { VERSIONED, UNDO, REPEATABLE }

  private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

  /** Reads a file name; empty when it does not follow the conventions. */
  public static Optional<MigrationFile> parse(Path path) {
    String name = path.getFileName().toString();
    Matcher m = VERSIONED.matcher(name);
    if (m.matches()) {
      return Optional.of(new MigrationFile(path, m.group(1).equals("V") ? Type.VERSIONED : Type.UNDO,
          MigrationVersion.fromVersion(m.group(2).replace('_', '.')), m.group(3).replace('_', ' ')));
    }
    Matcher r = REPEATABLE.matcher(name);
    if (r.matches()) {
      return Optional.of(new MigrationFile(path, Type.REPEATABLE, null, r.group(1).replace('_', ' ')));
    }
    return Optional.empty();
  }

  /** {@code V3}, {@code U3} or {@code R}: how people refer to a migration. */
  public String label() {
    return switch (type) {
      case VERSIONED -> "V" + version;
      case UNDO -> "U" + version;
      case REPEATABLE -> "R__" + description.replace(' ', '_');
    };
  }
}
