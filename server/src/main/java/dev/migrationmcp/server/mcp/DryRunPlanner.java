package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.dryrun.BaselineSpec;
import dev.migrationmcp.tools.dryrun.DryRun;
import dev.migrationmcp.tools.dryrun.Predictor;
import dev.migrationmcp.tools.dryrun.ScriptPart;
import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.flyway.MigrationFiles;
import dev.migrationmcp.tools.flyway.PendingMigrations;
import dev.migrationmcp.tools.sql.SqlScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Turns dry-run arguments into a {@link DryRun.Request}: which SQL runs (inline, a project file,
 * or the pending Flyway files), which down migration (given, or the matching {@code U} file), and
 * which baseline the shadow starts from (the migrations before the one being tried, or a
 * schema-only copy of the live database).
 */
public final class DryRunPlanner {
  /** The plan, or the answer when there is nothing to run. */
  public record Plan(DryRun.Request request, String nothingToRun) {}

  private final ServerContext context;
  private final ProjectFiles files;
  private final boolean liveBaseline;

  public DryRunPlanner(ServerContext context) {
    this(context, false);
  }

  /**
   * @param liveBaseline the shadow starts from a schema-only copy of the live database instead of
   *     the project's migrations
   */
  public DryRunPlanner(ServerContext context, boolean liveBaseline) {
    this.context = context;
    this.files = new ProjectFiles(context.settings().projectDir());
    this.liveBaseline = liveBaseline;
  }

  public Plan plan(String sql, String path, String downSql, String downPath, boolean live, DatabaseUrl targetUrl,
      long statementTimeoutMs, long lockTimeoutMs, Predictor predictor) {
    if (sql != null && path != null) {
      throw new ToolArguments.InvalidArgumentException("give either sql or path, not both");
    }
    if (downSql != null && downPath != null) {
      throw new ToolArguments.InvalidArgumentException("give either down_sql or down_path, not both");
    }
    if (liveBaseline && !context.target().isLive()) {
      throw new ToolArguments.InvalidArgumentException("baseline \"live\" copies the schema of a live database, and "
          + "none is configured (--database-url, DATABASE_URL or FLYWAY_URL); use the default baseline \"migrations\"");
    }
    if (liveBaseline && live) {
      throw new ToolArguments.InvalidArgumentException("baseline \"live\" is for target \"shadow\"; target \"live\" "
          + "already runs on the live database itself");
    }
    List<String> locations = context.target().migrationLocations();
    List<MigrationFile> all = MigrationFiles.list(folders(locations));
    List<ScriptPart> up = new ArrayList<>();
    MigrationVersion baselineTarget = null;
    MigrationFile candidate = null;
    if (sql != null) {
      up.add(new ScriptPart("up", null, SqlScript.split(sql)));
    } else if (path != null) {
      Path real = files.resolve(path);
      up.add(new ScriptPart("up", files.relative(real), SqlScript.split(files.read(path))));
      candidate = MigrationFiles.find(all, real).filter(f -> f.type() == MigrationFile.Type.VERSIONED).orElse(null);
      if (candidate != null) {
        MigrationVersion version = candidate.version();
        // The shadow starts from everything before the migration being tried.
        baselineTarget = all.stream().filter(f -> f.type() == MigrationFile.Type.VERSIONED)
            .map(MigrationFile::version).filter(v -> v.compareTo(version) < 0)
            .max(Comparator.naturalOrder()).orElse(MigrationVersion.fromVersion("0"));
      }
    } else {
      PendingMigrations pending = PendingMigrations.of(targetUrl, locations);
      if (pending.pending().isEmpty()) {
        return new Plan(null, "nothing to run: no pending Flyway migrations on " + context.target().describe()
            + (pending.current() == null ? "" : " (at version " + pending.current() + ")")
            + ". Pass sql or path to dry-run a new migration.");
      }
      for (Path p : pending.pending()) {
        up.add(new ScriptPart("up", files.relative(p), SqlScript.split(readTrusted(p))));
      }
      baselineTarget = pending.current() == null ? MigrationVersion.fromVersion("0") : pending.current();
    }
    List<ScriptPart> down = new ArrayList<>();
    if (downSql != null) {
      down.add(new ScriptPart("down", null, SqlScript.split(downSql)));
    } else if (downPath != null) {
      down.add(new ScriptPart("down", files.relative(files.resolve(downPath)), SqlScript.split(files.read(downPath))));
    } else if (candidate != null) {
      Optional<MigrationFile> undo = undoFor(all, candidate.version());
      if (undo.isPresent()) {
        down.add(new ScriptPart("down", files.relative(undo.get().path()), SqlScript.split(readTrusted(undo.get().path()))));
      }
    }
    MigrationVersion cut = baselineTarget;
    List<MigrationFile> included = all.stream()
        .filter(f -> f.type() != MigrationFile.Type.UNDO)
        .filter(f -> cut == null || f.type() == MigrationFile.Type.REPEATABLE || f.version().compareTo(cut) <= 0)
        .toList();
    boolean noneBefore = cut != null && included.stream().noneMatch(f -> f.type() == MigrationFile.Type.VERSIONED);
    // Flyway refuses a target version no file has: an empty baseline is simply no migrations.
    BaselineSpec baseline = liveBaseline
        ? BaselineSpec.liveSchemaOf(targetUrl)
        : noneBefore ? new BaselineSpec(List.of(), null, List.of()) : new BaselineSpec(locations, baselineTarget, included);
    // With a live database, its real data answers the preflight questions (read-only), whatever the target.
    DatabaseUrl preflightOn = context.target().isLive() ? targetUrl : null;
    return new Plan(new DryRun.Request(live ? targetUrl : null, baseline, up, down, statementTimeoutMs, lockTimeoutMs,
        predictor, preflightOn), null);
  }

  private static Optional<MigrationFile> undoFor(List<MigrationFile> all, MigrationVersion version) {
    return all.stream().filter(f -> f.type() == MigrationFile.Type.UNDO && f.version().equals(version)).findFirst();
  }

  /** Files found by Flyway in the project's own locations. */
  private static String readTrusted(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new ProjectFiles.PathRefusedException("cannot read " + p + ": " + e.getMessage());
    }
  }

  /** The filesystem folders among Flyway location strings. */
  public static List<Path> folders(List<String> locations) {
    List<Path> out = new ArrayList<>();
    for (String l : locations) {
      if (l.startsWith("filesystem:")) {
        Path p = Path.of(l.substring("filesystem:".length()));
        if (Files.isDirectory(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
