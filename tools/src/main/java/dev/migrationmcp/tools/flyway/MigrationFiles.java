package dev.migrationmcp.tools.flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The migration files under a project's migration folders, in Flyway's order. */
public final class MigrationFiles {
  private MigrationFiles() {}

  /** Every {@code .sql} file following Flyway's naming under {@code folders} (recursively). */
  public static List<MigrationFile> list(List<Path> folders) {
    List<MigrationFile> out = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".sql"))
            .map(MigrationFile::parse).flatMap(Optional::stream).forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list migrations in " + folder + ": " + e.getMessage(), e);
      }
    }
    out.sort(FLYWAY_ORDER);
    return out;
  }

  /** Versioned (and undo) files by version, then repeatable files by description. */
  public static final Comparator<MigrationFile> FLYWAY_ORDER = Comparator
      .comparing((MigrationFile f) -> f.type() == MigrationFile.Type.REPEATABLE)
      .thenComparing(f -> f.version(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(MigrationFile::description);

  /** The versioned file for {@code path}, if it is one of them. */
  public static Optional<MigrationFile> find(List<MigrationFile> files, Path path) {
    Path normal = path.toAbsolutePath().normalize();
    return files.stream().filter(f -> f.path().toAbsolutePath().normalize().equals(normal)).findFirst();
  }
}
