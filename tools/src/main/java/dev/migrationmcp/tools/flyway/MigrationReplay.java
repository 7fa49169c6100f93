package dev.migrationmcp.tools.flyway;

import dev.migrationmcp.tools.db.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies a project's Flyway migrations to a database, the way the project itself would. */
public final class MigrationReplay {
  private MigrationReplay() {}

  /**
   * Runs {@code flyway migrate}.
   *
   * @param locations Flyway location strings ({@code filesystem:…} or {@code classpath:…})
   * @return how many migrations were applied
   */
  public static int migrate(DatabaseUrl url, String... locations) {
    return migrate(url, null, locations);
  }

  /**
   * Runs {@code flyway migrate} up to and including {@code target} (all when null).
   */
  public static int migrate(DatabaseUrl url, MigrationVersion target, String... locations) {
    if (locations.length == 0) {
      return 0;
    }
    FluentConfiguration config = Flyway.configure(MigrationReplay.class.getClassLoader())
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations(locations)
        .connectRetries(0)
        .validateMigrationNaming(true)
        .loggers("slf4j");
    if (target != null) {
      config.target(target);
    }
    MigrateResult result = config.load().migrate();
    return result.migrationsExecuted;
  }
}
