package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.TargetDatabase;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.lint.LiveSchemaLoader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Loads the live facts lint uses from the target database. On the embedded default the schema is
 * the replay of the project's migrations: good for names, not for sizes, so it is marked unmeasured.
 */
final class LiveLintContext {
  private LiveLintContext() {}

  static LiveSchemaLoader.Loaded load(TargetDatabase target, DatabaseUrl url) throws SQLException {
    String source = target.isLive() ? "live database " + url.describe()
        : "embedded replay of the project's migrations (sizes not measured)";
    try (Connection c = Databases.connect(url)) {
      LiveSchemaLoader.Loaded loaded = LiveSchemaLoader.load(c, () -> Databases.connect(url), source);
      return target.isLive() ? loaded
          : new LiveSchemaLoader.Loaded(loaded.schema().unmeasured(), loaded.volatility(), loaded.serverMajorVersion());
    }
  }
}
