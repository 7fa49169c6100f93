package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.flyway.MigrationFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/** Reading Flyway file names, for the Flyway rules. */
final class FlywayNames {
  private FlywayNames() {}

  /** The file name read by Flyway's default conventions, or empty. */
  static Optional<MigrationFile> parse(String fileName) {
    try {
      return MigrationFile.parse(Path.of(fileName));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The highest version among {@code names} (versioned and undo files), or null. */
  static MigrationVersion highest(Collection<String> names) {
    return names.stream().map(FlywayNames::parse).flatMap(Optional::stream).map(MigrationFile::version)
        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
  }

  /** The version after {@code version}: its last part plus one ({@code 7} → {@code 8}, {@code 1.2} → {@code 1.3}). */
  static String next(MigrationVersion version) {
    if (version == null) {
      return "1";
    }
    String text = version.getVersion();
    int dot = text.lastIndexOf('.');
    String last = text.substring(dot + 1);
    return text.substring(0, dot + 1) + new BigInteger(last).add(BigInteger.ONE);
  }
}
