package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.lint.LiveSchemaLoader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Loads the live facts lint uses from the target database. On the embedded default the schema is
 * the replay of the project's migrations: good for names, not for sizes, so it is marked unmeasured.
 * {@link LiveLintCache} keeps them between calls.
 */
final class LiveLintContext {
  private LiveLintContext() {}

  /**
   * Reads them over {@code c}, a connection to {@code url} (helper connections go to {@code url} too).
   *
   * @param live whether {@code url} is the user's database rather than the embedded replay
   */
  static LiveSchemaLoader.Loaded load(boolean live, Connection c, DatabaseUrl url) throws SQLException {
    String source = live ? "live database " + url.describe()
        : "embedded replay of the project's migrations (sizes not measured)";
    LiveSchemaLoader.Loaded loaded = LiveSchemaLoader.load(c, () -> Databases.connect(url), source);
    return live ? loaded
        : new LiveSchemaLoader.Loaded(loaded.schema().unmeasured(), loaded.volatility(), loaded.serverMajorVersion());
  }
}
