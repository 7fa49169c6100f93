package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.mcp.DryRunPlanner;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.status.MigrationStatus;
import dev.migrationmcp.tools.status.MigrationStatusCheck;
import dev.migrationmcp.tools.status.SchemaDriftCheck;
import dev.migrationmcp.tools.status.StatusRenderer;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code status}: the migration_status tool for people and CI; exit 1 on drift, failures, missing or edited files. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Flyway's view of the live database (applied, pending, failed, out of order, missing files, files "
        + "edited after they were applied) plus schema drift against a replay of the applied migrations. Exit 0 when "
        + "clean (pending migrations are fine), 1 on drift, a failed migration, a missing or edited file, 2 on bad input.")
final class StatusCommand extends PrintingCommand {
  private static final int STATEMENT_TIMEOUT_MS = 30_000;

  @Mixin ProjectOptions options;

  @Mixin TextOrJson output;

  @Option(names = "--no-schema-drift", description = "Skip the replay and schema comparison (Flyway's view only).")
  boolean noDrift;

  @Override
  public Integer call() {
    ServerSettings settings = options.resolve();
    if (settings.databaseUrl() == null) {
      // The embedded database would be a fresh replay of the files: always "clean", so say so instead.
      System.err.println("error: status compares a deployed database with the migrations; give it one with "
          + "--database-url (or DATABASE_URL, FLYWAY_URL, flyway.conf/flyway.toml)");
      return 2;
    }
    try (ServerContext context = ServerContext.start(settings)) {
      DatabaseUrl url = context.target().await(Duration.ofMinutes(1), phase -> { });
      List<String> locations = context.target().migrationLocations();
      SchemaDriftCheck drift = noDrift ? null : new SchemaDriftCheck(context.shadow().databases(), STATEMENT_TIMEOUT_MS);
      MigrationStatus status;
      try {
        status = MigrationStatusCheck.run(new MigrationStatusCheck.Request(url, url.describe(), true,
            locations, DryRunPlanner.folders(locations), settings.projectDir(), drift, STATEMENT_TIMEOUT_MS));
      } catch (IllegalArgumentException e) {
        System.err.println("error: " + e.getMessage());
        return 2;
      }
      stdout.println(output.render(status, StatusRenderer::render));
      return status.clean() ? 0 : 1;
    }
  }
}
