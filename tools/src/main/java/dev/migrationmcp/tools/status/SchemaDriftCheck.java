package dev.migrationmcp.tools.status;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.dryrun.Baseline;
import dev.migrationmcp.tools.dryrun.BaselineSpec;
import dev.migrationmcp.tools.dryrun.ShadowDatabases;
import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.schema.SchemaChange;
import dev.migrationmcp.tools.schema.SchemaDiff;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Compares a live schema with what replaying its applied migrations produces: the replay is a
 * dry-run baseline on the shadow server (built once per set of files, then reused), read through a
 * throwaway clone; both sides are read by {@link SchemaIntrospector} in READ ONLY transactions
 * with a statement timeout, and compared by {@link SchemaDiff}. Flyway's own history table is left
 * out: it exists on both sides by construction and its rows are data.
 */
public final class SchemaDriftCheck {
  private static final Pattern HISTORY_TABLE = Pattern.compile("[^.]+\\.flyway_schema_history(\\..*)?");

  private final ShadowDatabases shadow;
  private final int statementTimeoutMs;

  public SchemaDriftCheck(ShadowDatabases shadow, int statementTimeoutMs) {
    this.shadow = shadow;
    this.statementTimeoutMs = statementTimeoutMs;
  }

  /**
   * @param target the highest applied version that has a file, or null when nothing is applied
   * @param files the project's migration files
   */
  public SchemaDrift compare(DatabaseUrl live, List<String> locations, MigrationVersion target, List<MigrationFile> files) {
    BaselineSpec spec = target == null
        ? new BaselineSpec(List.of(), null, List.of())
        : new BaselineSpec(locations, target, files.stream()
            .filter(f -> f.type() == MigrationFile.Type.REPEATABLE
                || f.type() == MigrationFile.Type.VERSIONED && f.version().compareTo(target) <= 0)
            .toList());
    Baseline baseline;
    try {
      baseline = shadow.baseline(spec);
    } catch (ShadowDatabases.BaselineException e) {
      return SchemaDrift.notChecked("schema drift not measured: " + e.getMessage());
    }
    SchemaSnapshot replayed;
    SchemaSnapshot actual;
    try (ShadowDatabases.Clone clone = shadow.clone(baseline)) {
      replayed = snapshot(clone.url());
      actual = snapshot(live);
    } catch (SQLException e) {
      return SchemaDrift.notChecked("schema drift not measured: reading a schema failed: " + e.getMessage());
    } catch (ShadowDatabases.BaselineException e) {
      return SchemaDrift.notChecked("schema drift not measured: " + e.getMessage());
    }
    SchemaDiff all = SchemaDiff.between(replayed, actual);
    SchemaDiff diff = new SchemaDiff(withoutHistory(all.added()), withoutHistory(all.removed()), withoutHistory(all.changed()));
    String note = replayed.serverVersionNum() / 10_000 == actual.serverVersionNum() / 10_000 ? null
        : "the replay ran on PostgreSQL " + replayed.serverVersion() + " and the live database is " + actual.serverVersion()
            + ": view definitions and defaults may print differently across major versions";
    return SchemaDrift.of(baseline.description(), diff, note);
  }

  private SchemaSnapshot snapshot(DatabaseUrl url) throws SQLException {
    try (Connection c = Databases.connect(url)) {
      return new SchemaIntrospector(c, () -> Databases.connect(url), statementTimeoutMs).snapshot();
    }
  }

  private static List<SchemaChange> withoutHistory(List<SchemaChange> changes) {
    return changes.stream().filter(c -> !HISTORY_TABLE.matcher(c.name()).matches()).toList();
  }
}
