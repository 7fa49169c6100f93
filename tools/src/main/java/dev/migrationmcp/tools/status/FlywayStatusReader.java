package dev.migrationmcp.tools.status;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.ReadOnlyDataSource;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Flyway's own view of a database against the project's files: {@code info} for the state of each
 * migration (Flyway computes the checksums and the states, nothing is re-implemented here) and
 * {@code validate} for its complaints. Both run on sessions that are read-only with a statement
 * timeout ({@link ReadOnlyDataSource}): the history table is only read.
 */
public final class FlywayStatusReader {
  /**
   * What Flyway reported.
   *
   * @param current the highest applied version, null when nothing is applied
   */
  public record View(String current, List<MigrationEntry> migrations, List<ValidationError> validation) {
    public View {
      migrations = List.copyOf(migrations);
      validation = List.copyOf(validation);
    }
  }

  private final Path projectDir;

  /** @param projectDir file paths are reported relative to it when inside it; may be null */
  public FlywayStatusReader(Path projectDir) {
    this.projectDir = projectDir == null ? null : projectDir.toAbsolutePath().normalize();
  }

  public View read(DatabaseUrl url, List<String> locations, int statementTimeoutMs) {
    Flyway flyway = Flyway.configure(FlywayStatusReader.class.getClassLoader())
        .dataSource(ReadOnlyDataSource.of(url, statementTimeoutMs))
        .locations(locations.toArray(String[]::new))
        .connectRetries(0)
        // Pending files are the normal state of a project, not a validation error; a "future"
        // row (applied, newer than every file) is a file that went missing, so it stays one.
        .ignoreMigrationPatterns("*:pending")
        .loggers("slf4j")
        .load();
    MigrationInfoService info = flyway.info();
    List<MigrationEntry> entries = new ArrayList<>();
    for (MigrationInfo m : info.all()) {
      entries.add(entry(m));
    }
    MigrationInfo current = info.current();
    ValidateResult validate = flyway.validateWithResult();
    List<ValidationError> errors = new ArrayList<>();
    if (validate.invalidMigrations != null) {
      for (ValidateOutput o : validate.invalidMigrations) {
        errors.add(new ValidationError(blankToNull(o.version), relative(o.filepath),
            o.errorDetails == null ? null : String.valueOf(o.errorDetails.errorCode),
            o.errorDetails == null ? null : o.errorDetails.errorMessage));
      }
    }
    if (errors.isEmpty() && !validate.validationSuccessful && validate.errorDetails != null) {
      errors.add(new ValidationError(null, null, String.valueOf(validate.errorDetails.errorCode),
          validate.errorDetails.errorMessage));
    }
    return new View(current == null || current.getVersion() == null ? null : current.getVersion().getVersion(),
        entries, errors);
  }

  private MigrationEntry entry(MigrationInfo m) {
    boolean comparable = m.getAppliedChecksum() != null && m.getResolvedChecksum() != null;
    return new MigrationEntry(
        m.getVersion() == null ? null : m.getVersion().getVersion(),
        m.getDescription(),
        m.getType() == null ? null : m.getType().name(),
        m.getScript(),
        m.getState().name().toLowerCase(Locale.ROOT),
        relative(m.getPhysicalLocation()),
        m.getInstalledRank(),
        m.getInstalledOn() == null ? null : OffsetDateTime.ofInstant(m.getInstalledOn().toInstant(), ZoneOffset.UTC),
        m.getInstalledBy(),
        m.getExecutionTime(),
        m.getAppliedChecksum(),
        m.getResolvedChecksum(),
        comparable ? m.isChecksumMatching() : null);
  }

  private String relative(String physical) {
    if (physical == null || physical.isBlank()) {
      return null;
    }
    Path p = Path.of(physical).toAbsolutePath().normalize();
    return projectDir != null && p.startsWith(projectDir) ? projectDir.relativize(p).toString().replace('\\', '/') : physical;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
