package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.lint.LiveSchemaLoader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The live facts lint uses, kept between calls while the catalog stays the same. Reading them is a
 * full catalog introspection (hundreds of milliseconds on thousands of tables), and an agent lints
 * after every edit, often from many sessions at once. Before reusing them, each call compares a
 * stamp of the catalogs they come from — row count and the sum of row versions ({@code xmin}) per
 * catalog, one cheap query — so any DDL since (a new column, a dropped index, a replaced view) is
 * seen at once. Sizes and statistics change without DDL, so they are re-read after
 * {@link #MAX_AGE} anyway. Calls that find the cache stale while another call reloads it wait for
 * that load instead of starting their own.
 */
final class LiveLintCache {
  /** How long sizes, row estimates and null fractions may be reused when no DDL happened. */
  static final Duration MAX_AGE = Duration.ofSeconds(30);

  /** The catalogs the live schema, dependents and volatility are read from (all readable by any role). */
  private static final List<String> CATALOGS = List.of("pg_namespace", "pg_class", "pg_attribute", "pg_attrdef",
      "pg_constraint", "pg_index", "pg_type", "pg_enum", "pg_depend", "pg_inherits", "pg_trigger", "pg_proc",
      "pg_rewrite", "pg_sequence");
  private static final String STAMP = "SELECT concat_ws('/', " + CATALOGS.stream()
      .map(c -> "(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM pg_catalog." + c + ")")
      .collect(Collectors.joining(", ")) + ")";

  private record Entry(DatabaseUrl url, String stamp, long loadedAtNanos, LiveSchemaLoader.Loaded loaded) {}

  private final Object loading = new Object();
  private volatile Entry entry;

  /**
   * The live facts of {@code url}: the kept ones when its catalog is unchanged and they are recent,
   * else read anew.
   *
   * @param live whether {@code url} is the user's database (false: the embedded replay, whose sizes mean nothing)
   */
  LiveSchemaLoader.Loaded get(boolean live, DatabaseUrl url) throws SQLException {
    synchronized (loading) {
      try (Connection c = Databases.connect(url)) {
        String stamp = stamp(c);
        Entry kept = entry;
        if (kept != null && kept.url().equals(url) && kept.stamp().equals(stamp)
            && System.nanoTime() - kept.loadedAtNanos() < MAX_AGE.toNanos()) {
          return kept.loaded();
        }
        long loadedAt = System.nanoTime();
        LiveSchemaLoader.Loaded loaded = LiveLintContext.load(live, c, url);
        entry = new Entry(url, stamp, loadedAt, loaded);
        return loaded;
      }
    }
  }

  static String stamp(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(STAMP)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
