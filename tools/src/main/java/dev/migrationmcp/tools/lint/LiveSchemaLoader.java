package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.schema.IntrospectionRequest;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.Volatility;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the linter needs from a live database, read-only and bounded by a statement timeout:
 * the schema snapshot, NULL fractions from {@code pg_stats}, dependents from {@code pg_depend}
 * (views and foreign keys on each table), and function volatility from {@code pg_proc}.
 */
public final class LiveSchemaLoader {
  private static final String NULL_FRACTIONS = """
      SELECT schemaname || '.' || tablename || '.' || attname, null_frac
      FROM pg_stats WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND null_frac > 0""";
  private static final String DEPENDENTS = """
      SELECT DISTINCT rn.nspname || '.' || r.relname AS referenced,
             CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' ELSE 'table ' END
               || cn.nspname || '.' || c.relname AS dependent
      FROM pg_depend d
      JOIN pg_rewrite w ON w.oid = d.objid AND d.classid = 'pg_rewrite'::regclass
      JOIN pg_class c ON c.oid = w.ev_class
      JOIN pg_namespace cn ON cn.oid = c.relnamespace
      JOIN pg_class r ON r.oid = d.refobjid AND d.refclassid = 'pg_class'::regclass
      JOIN pg_namespace rn ON rn.oid = r.relnamespace
      WHERE c.oid <> r.oid AND rn.nspname NOT IN ('pg_catalog', 'information_schema')
      UNION
      SELECT fn.nspname || '.' || f.relname, 'foreign key ' || con.conname || ' on ' || tn.nspname || '.' || t.relname
      FROM pg_constraint con
      JOIN pg_class f ON f.oid = con.confrelid JOIN pg_namespace fn ON fn.oid = f.relnamespace
      JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
      WHERE con.contype = 'f' AND con.conrelid <> con.confrelid""";
  private static final String VOLATILITY = """
      SELECT p.proname, max(p.provolatile::text)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname NOT IN ('information_schema')
      GROUP BY p.proname""";

  /** The live facts and the volatility table they imply. */
  public record Loaded(LiveSchema schema, FunctionVolatility volatility, int serverMajorVersion) {}

  private LiveSchemaLoader() {}

  /**
   * @param helpers extra connections for a parallel catalog read of big schemas, or null
   */
  public static Loaded load(Connection c, SchemaIntrospector.ConnectionSource helpers, String source)
      throws SQLException {
    SchemaSnapshot snapshot = new SchemaIntrospector(c, helpers, 30_000)
        .read(new IntrospectionRequest(null, List.of(), true));
    Map<String, Double> nulls = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    Map<String, Volatility> volatility = new HashMap<>();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET TRANSACTION READ ONLY");
      s.execute("SET LOCAL statement_timeout = 30000");
      try (ResultSet rs = s.executeQuery(NULL_FRACTIONS)) {
        while (rs.next()) {
          nulls.put(rs.getString(1), rs.getDouble(2));
        }
      }
      try (ResultSet rs = s.executeQuery(DEPENDENTS)) {
        while (rs.next()) {
          dependents.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      try (ResultSet rs = s.executeQuery(VOLATILITY)) {
        while (rs.next()) {
          // max() over 'i' < 's' < 'v': an overloaded name counts as its most volatile variant.
          volatility.put(rs.getString(1), Volatility.fromCatalog(rs.getString(2)));
        }
      }
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
    return new Loaded(new LiveSchema(snapshot, nulls, dependents, source),
        FunctionVolatility.builtIn().withCatalog(volatility), snapshot.serverVersionNum() / 10000);
  }
}
