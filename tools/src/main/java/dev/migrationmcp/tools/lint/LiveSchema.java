package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.schema.ByteSizes;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.TableInfo;
import java.util.Map;
import java.util.Optional;

/**
 * What the linter knows of the database the migration will run on: the schema snapshot, the
 * fraction of NULLs per column ({@code pg_stats.null_frac}, key {@code schema.table.column}) and
 * the objects that depend on each table ({@code pg_depend}, key {@code schema.table}).
 *
 * @param source where it came from ({@code live database host:port/db}) for evidence lines
 * @param measured whether row counts and sizes are the production ones (a live database) rather
 *     than a replay's (the embedded default): only measured sizes relax or escalate findings
 */
public record LiveSchema(SchemaSnapshot snapshot, Map<String, Double> nullFractions,
    Map<String, java.util.List<String>> dependents, String source, boolean measured) {

  public LiveSchema(SchemaSnapshot snapshot, Map<String, Double> nullFractions,
      Map<String, java.util.List<String>> dependents, String source) {
    this(snapshot, nullFractions, dependents, source, true);
  }

  /** The same facts, marked as not measured on production (a replayed schema). */
  public LiveSchema unmeasured() {
    return new LiveSchema(snapshot, nullFractions, dependents, source, false);
  }


  public LiveSchema {
    nullFractions = Map.copyOf(nullFractions);
    dependents = Map.copyOf(dependents);
  }

  /** A table by {@code schema.name} or bare name. */
  public Optional<TableInfo> table(String qualified) {
    return snapshot.table(qualified);
  }

  /** {@code public.orders: ~12.4M rows, 3.1 GB}. */
  public static String evidence(TableInfo t) {
    return t.qualifiedName() + ": " + ByteSizes.rows(t.rowsEstimate()) + ", " + ByteSizes.human(t.totalBytes());
  }
}
