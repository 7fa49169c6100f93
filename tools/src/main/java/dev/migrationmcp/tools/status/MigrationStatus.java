package dev.migrationmcp.tools.status;

import java.util.List;

/**
 * Where a database stands against the project's migrations: Flyway's view (each migration's
 * state, grouped below by what needs attention), Flyway's validation complaints, and the schema
 * drift between the database and a replay of what it has applied.
 *
 * @param database where the status was read, safe to print
 * @param live false when this is the embedded database (a replay itself; drift is not measured)
 * @param currentVersion the highest applied version, null when none
 * @param applied versions (or repeatable scripts) applied successfully
 * @param missing applied, but the file is gone from the migration locations
 * @param checksumMismatches applied, and the file was edited afterwards
 * @param ignored pending below the current version: Flyway skips them unless outOfOrder is set
 * @param problems one sentence per thing to fix; empty when {@code clean}
 * @param migrationsOmitted successful migrations counted above but not listed in {@code migrations}
 *     (see {@link #compact}); null when all are listed
 */
public record MigrationStatus(
    String database,
    boolean live,
    String currentVersion,
    List<String> applied,
    List<String> pending,
    List<String> failed,
    List<String> outOfOrder,
    List<String> missing,
    List<String> checksumMismatches,
    List<String> ignored,
    List<MigrationEntry> migrations,
    List<ValidationError> validation,
    SchemaDrift schemaDrift,
    List<String> problems,
    List<String> notes,
    boolean clean,
    Integer migrationsOmitted) {

  public MigrationStatus {
    applied = List.copyOf(applied);
    pending = List.copyOf(pending);
    failed = List.copyOf(failed);
    outOfOrder = List.copyOf(outOfOrder);
    missing = List.copyOf(missing);
    checksumMismatches = List.copyOf(checksumMismatches);
    ignored = List.copyOf(ignored);
    migrations = List.copyOf(migrations);
    validation = List.copyOf(validation);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /**
   * The same status sized for a chat answer: among the successful migrations only the last {@code
   * recent} are listed (pending, failed, missing, edited and out-of-order ones always are), and the
   * drift keeps its first {@code driftChanges} differences. The counts and lists by state stay whole.
   */
  public MigrationStatus compact(int recent, int driftChanges) {
    List<MigrationEntry> ok = migrations.stream().filter(MigrationStatus::unremarkable).toList();
    int omit = Math.max(0, ok.size() - recent);
    java.util.Set<MigrationEntry> dropped = new java.util.HashSet<>(ok.subList(0, omit));
    List<MigrationEntry> kept = migrations.stream().filter(m -> !dropped.contains(m)).toList();
    return new MigrationStatus(database, live, currentVersion, applied, pending, failed, outOfOrder, missing,
        checksumMismatches, ignored, kept, validation, schemaDrift == null ? null : schemaDrift.limitedTo(driftChanges),
        problems, notes, clean, omit == 0 ? null : omit);
  }

  private static boolean unremarkable(MigrationEntry m) {
    return m.state().equals("success") && !Boolean.FALSE.equals(m.checksumMatches());
  }
}
