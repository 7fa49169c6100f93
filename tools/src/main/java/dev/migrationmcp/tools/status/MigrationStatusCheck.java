package dev.migrationmcp.tools.status;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.flyway.MigrationFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Puts the status together: Flyway's view of the database ({@link FlywayStatusReader}), grouped
 * into what needs attention, and — for a live database, when a shadow server is at hand — the
 * schema drift against a replay of the applied migrations ({@link SchemaDriftCheck}).
 */
public final class MigrationStatusCheck {
  private static final Set<String> APPLIED = Set.of("success", "out_of_order", "baseline", "future_success",
      "missing_success", "outdated", "superseded");
  private static final Set<String> FAILED = Set.of("failed", "missing_failed", "future_failed");
  private static final Set<String> MISSING = Set.of("missing_success", "missing_failed", "future_success", "future_failed");

  /**
   * What to check.
   *
   * @param database the database to read
   * @param describe where it is, safe to print
   * @param live false for the embedded database (drift is not measured there: it is the replay)
   * @param locations the project's Flyway locations
   * @param folders the filesystem folders among them
   * @param projectDir paths are reported relative to it
   * @param drift compares the schema with a replay; null to skip it
   */
  public record Request(DatabaseUrl database, String describe, boolean live, List<String> locations, List<Path> folders,
      Path projectDir, SchemaDriftCheck drift, int statementTimeoutMs) {
    public Request {
      Objects.requireNonNull(database, "database");
      locations = List.copyOf(locations);
      folders = List.copyOf(folders);
    }
  }

  private MigrationStatusCheck() {}

  /** @throws IllegalArgumentException when the project has no migration folder */
  public static MigrationStatus run(Request request) {
    if (request.locations().isEmpty()) {
      // Without files every applied row would read as "missing" and the whole schema as drift.
      throw new IllegalArgumentException("no migration folder found (looked for src/main/resources/db/migration, "
          + "db/migration and migrations in the project); point --migrations or FLYWAY_LOCATIONS at it");
    }
    List<String> notes = new ArrayList<>();
    FlywayStatusReader.View view = new FlywayStatusReader(request.projectDir())
        .read(request.database(), request.locations(), request.statementTimeoutMs());
    List<String> applied = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> outOfOrder = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (MigrationEntry m : view.migrations()) {
      String id = m.version() != null ? m.version() : m.script();
      String state = m.state();
      if (APPLIED.contains(state)) {
        applied.add(id);
      }
      if (state.equals("pending")) {
        pending.add(id);
      }
      if (state.equals("out_of_order")) {
        outOfOrder.add(id);
      }
      if (state.equals("ignored")) {
        ignored.add(id);
        problems.add(m.label() + " is pending below the current version " + view.current()
            + ": Flyway skips it unless outOfOrder is set; give it a higher version or set outOfOrder");
      }
      if (FAILED.contains(state)) {
        failed.add(id);
        problems.add(m.label() + " failed" + when(m) + ": Flyway will not migrate until the database is fixed by hand "
            + "and the failed row is removed (flyway repair)");
      }
      if (MISSING.contains(state)) {
        missing.add(id);
        problems.add(m.label() + " was applied" + when(m) + " but its file " + m.script()
            + " is no longer in the migration locations: restore it (or flyway repair to mark it deleted)");
      }
      if (Boolean.FALSE.equals(m.checksumMatches())) {
        mismatched.add(id);
        problems.add(m.label() + ": " + m.path() + " was edited after it was applied" + when(m) + " (checksum "
            + m.appliedChecksum() + " in the history table, " + m.fileChecksum() + " now): revert the edit and put the "
            + "change in a new migration");
      }
    }
    SchemaDrift drift;
    if (!request.live()) {
      drift = SchemaDrift.notChecked("no live database configured: the embedded database is itself a replay of the "
          + "migrations, so there is no drift to measure; configure --database-url (or DATABASE_URL / FLYWAY_URL)");
    } else if (request.drift() == null) {
      drift = SchemaDrift.notChecked("schema drift not measured (not asked for)");
    } else {
      List<MigrationFile> files = MigrationFiles.list(request.folders());
      drift = request.drift().compare(request.database(), request.locations(), replayTarget(view, files), files);
    }
    if (drift.drifted()) {
      problems.add("the live schema differs from a replay of the applied migrations in " + drift.lines().size()
          + " object(s): " + String.join("; ", drift.lines().stream().limit(3).toList())
          + (drift.lines().size() > 3 ? "; …" : ""));
    }
    return new MigrationStatus(request.describe(), request.live(), view.current(), applied, pending, failed, outOfOrder,
        missing, mismatched, ignored, view.migrations(), view.validation(), drift, problems, notes, problems.isEmpty(), null);
  }

  /**
   * The last version to replay: the highest successfully applied version that still has a file
   * (Flyway refuses a target no file has). Files of versions applied since are left out.
   */
  static MigrationVersion replayTarget(FlywayStatusReader.View view, List<MigrationFile> files) {
    Set<MigrationVersion> withFile = new java.util.HashSet<>();
    files.stream().filter(f -> f.type() == MigrationFile.Type.VERSIONED).forEach(f -> withFile.add(f.version()));
    return view.migrations().stream()
        .filter(m -> m.version() != null && APPLIED.contains(m.state()))
        .map(m -> MigrationVersion.fromVersion(m.version()))
        .filter(withFile::contains)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  private static String when(MigrationEntry m) {
    return m.installedOn() == null ? "" : " on " + m.installedOn().toLocalDate()
        + (m.installedBy() == null ? "" : " by " + m.installedBy());
  }
}
