package dev.migrationmcp.server.config;

import dev.migrationmcp.tools.db.DatabaseUrl;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings after resolution (flag &gt; environment &gt; flyway.conf/flyway.toml &gt; default).
 *
 * @param databaseUrl the live database, or null to use an embedded one with the migrations replayed
 * @param migrationLocations Flyway location strings to replay into the embedded database
 * @param databaseSource where the database setting came from, for messages (never the URL itself)
 * @param shadowUrl a server for dry runs' disposable databases, or null for an embedded one
 */
public record ServerSettings(
    Path projectDir,
    DatabaseUrl databaseUrl,
    List<String> migrationLocations,
    String databaseSource,
    DatabaseUrl shadowUrl) {

  public ServerSettings {
    migrationLocations = List.copyOf(migrationLocations);
  }

  public boolean usesEmbeddedDatabase() {
    return databaseUrl == null;
  }
}
