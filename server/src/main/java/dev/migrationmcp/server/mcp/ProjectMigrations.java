package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.flyway.MigrationFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The project's Flyway files as prompts and resources need them: by version, the next free
 * version, the folder new files go to, paths relative to the project. Listed afresh on each call,
 * so files added while the server runs are seen.
 */
public final class ProjectMigrations {
  private final ServerContext context;
  private final ProjectFiles files;

  public ProjectMigrations(ServerContext context) {
    this.context = context;
    this.files = new ProjectFiles(context.settings().projectDir());
  }

  public ProjectFiles files() {
    return files;
  }

  public List<Path> folders() {
    return DryRunPlanner.folders(context.target().migrationLocations());
  }

  public List<MigrationFile> list() {
    return MigrationFiles.list(folders());
  }

  /** The versioned ({@code V}) or undo ({@code U}) file of a version written as {@code 3}, {@code V3} or {@code 1.2}. */
  public Optional<MigrationFile> find(String version, MigrationFile.Type type) {
    MigrationVersion wanted = parseVersion(version);
    if (wanted == null) {
      return Optional.empty();
    }
    return list().stream().filter(f -> f.type() == type && wanted.equals(f.version())).findFirst();
  }

  /** A version as people write it ({@code 3}, {@code V3}, {@code 1_2}); null when it is not one. */
  public static MigrationVersion parseVersion(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.length() > 1 && (s.charAt(0) == 'V' || s.charAt(0) == 'v')) {
      s = s.substring(1);
    }
    if (!s.matches("\\d+(?:[._]\\d+)*")) {
      return null;
    }
    return MigrationVersion.fromVersion(s.replace('_', '.'));
  }

  /** One more than the highest versioned file's major version (1 when there are none). */
  public String nextVersion() {
    return list().stream().filter(f -> f.type() == MigrationFile.Type.VERSIONED)
        .map(MigrationFile::version).max(MigrationVersion::compareTo)
        .map(v -> String.valueOf(v.getMajor().add(java.math.BigInteger.ONE)))
        .orElse("1");
  }

  /** The folder new migrations go to, relative to the project when inside it. */
  public String newFileFolder() {
    List<Path> folders = folders();
    if (folders.isEmpty()) {
      return "db/migration";
    }
    return relative(folders.get(0));
  }

  public String relative(Path path) {
    Path project = context.settings().projectDir().toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(project) ? project.relativize(p).toString() : p.toString();
  }
}
