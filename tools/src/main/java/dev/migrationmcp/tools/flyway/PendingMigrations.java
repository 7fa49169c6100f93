package dev.migrationmcp.tools.flyway;

import dev.migrationmcp.tools.db.DatabaseUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What Flyway would apply next to a database: its own {@code info} (read-only: the history table
 * is only read), so the rules are exactly Flyway's.
 *
 * @param current the database's current version, or null when nothing is applied
 * @param pending pending files in the order Flyway would run them
 */
public record PendingMigrations(MigrationVersion current, List<Path> pending) {

  public static PendingMigrations of(DatabaseUrl url, List<String> locations) {
    if (locations.isEmpty()) {
      return new PendingMigrations(null, List.of());
    }
    MigrationInfoService info = Flyway.configure(PendingMigrations.class.getClassLoader())
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations(locations.toArray(String[]::new))
        .connectRetries(0)
        .loggers("slf4j")
        .load()
        .info();
    List<Path> pending = new ArrayList<>();
    for (MigrationInfo m : info.pending()) {
      String physical = m.getPhysicalLocation();
      if (physical != null && !physical.isEmpty()) {
        pending.add(Path.of(physical));
      }
    }
    MigrationInfo current = info.current();
    return new PendingMigrations(current == null ? null : current.getVersion(), pending);
  }
}
