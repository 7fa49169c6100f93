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
 * @param indexDir the memory index directory (derived data), default {@code <project>/.migration-mcp/index}
 * @param decisionsDir the decision records directory, default {@code <project>/db/decisions}
 */
public record ServerSettings(
    Path projectDir,
    DatabaseUrl databaseUrl,
    List<String> migrationLocations,
    String databaseSource,
    DatabaseUrl shadowUrl,
    Path indexDir,
    Path decisionsDir) {

  /** Where the memory index lives unless {@code --index-dir} says otherwise, relative to the project. */
  public static final String DEFAULT_INDEX_DIR = ".migration-mcp/index";
  /** Where decision records live unless {@code --decisions} says otherwise, relative to the project. */
  public static final String DEFAULT_DECISIONS_DIR = "db/decisions";

  public ServerSettings {
    migrationLocations = List.copyOf(migrationLocations);
    if (projectDir != null) {
      indexDir = indexDir != null ? indexDir : projectDir.resolve(DEFAULT_INDEX_DIR);
      decisionsDir = decisionsDir != null ? decisionsDir : projectDir.resolve(DEFAULT_DECISIONS_DIR);
    }
  }

  /** Settings with the default index and decisions directories under the project. */
  public ServerSettings(Path projectDir, DatabaseUrl databaseUrl, List<String> migrationLocations, String databaseSource) {
    this(projectDir, databaseUrl, migrationLocations, databaseSource, null, null, null);
  }

  /** The same settings with other memory directories (null keeps the current one). */
  public ServerSettings withMemoryDirs(Path index, Path decisions) {
    return new ServerSettings(projectDir, databaseUrl, migrationLocations, databaseSource, shadowUrl,
        index != null ? index : indexDir, decisions != null ? decisions : decisionsDir);
  }

  public boolean usesEmbeddedDatabase() {
    return databaseUrl == null;
  }
}
