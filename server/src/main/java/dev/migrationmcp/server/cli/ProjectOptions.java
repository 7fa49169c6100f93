package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.config.SettingsResolver;
import picocli.CommandLine.Option;

/** The options every command shares: which project, which database, which migrations. */
final class ProjectOptions {
  @Option(names = "--project", paramLabel = "DIR",
      description = "Project directory (env MIGRATION_MCP_PROJECT; default: current directory).")
  String project;

  @Option(names = "--database-url", paramLabel = "URL",
      description = "Live database: jdbc:postgresql://… or postgres://user:pass@host:port/db "
          + "(env DATABASE_URL, FLYWAY_URL, or flyway.conf/flyway.toml). Default: an embedded PostgreSQL "
          + "with the project's migrations replayed.")
  String databaseUrl;

  @Option(names = "--migrations", paramLabel = "LOCATIONS",
      description = "Flyway locations, comma-separated (env FLYWAY_LOCATIONS; default: src/main/resources/db/migration, "
          + "db/migration or migrations).")
  String migrations;

  @Option(names = "--shadow-url", paramLabel = "URL",
      description = "Server for dry runs' disposable databases; needs CREATE DATABASE rights (env SHADOW_DATABASE_URL; "
          + "default: an embedded PostgreSQL).")
  String shadowUrl;

  @Option(names = "--index-dir", paramLabel = "DIR",
      description = "Memory index directory, derived and rebuildable (default: <project>/.migration-mcp/index).")
  String indexDir;

  @Option(names = "--decisions", paramLabel = "DIR",
      description = "Decision records directory (default: <project>/db/decisions).")
  String decisions;

  ServerSettings resolve() {
    return new SettingsResolver(System.getenv()).resolve(project, databaseUrl, migrations, shadowUrl, indexDir, decisions);
  }
}
