package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.lint.TableEffect;
import dev.migrationmcp.tools.lint.Thresholds;
import dev.migrationmcp.tools.schema.ByteSizes;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.ScriptStatement;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.Truncate;
import dev.migrationmcp.tools.sql.read.StatementReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Before a live dry run: finds the first statement that lint predicts will hold a write-blocking
 * lock (SHARE or stronger) on a table over the large-table threshold while it scans or rewrites
 * the whole table, and says how long that lock would likely be held. The estimate is the table's
 * size over an assumed throughput, stated in the message because disks differ by ten times.
 */
final class BlockingCheck {
  /** Assumed rate of a full scan under lock (validation, SET NOT NULL): a cold sequential read. */
  static final long SCAN_BYTES_PER_SECOND = 100L << 20;
  /** Assumed rate of a rewrite or index build: new heap, WAL and index rebuilds. */
  static final long REWRITE_BYTES_PER_SECOND = 30L << 20;

  private BlockingCheck() {}

  /** Why the live run is refused, or null when nothing would hold a blocking lock on a large table. */
  static String refusal(List<ScriptPart> parts, SchemaSnapshot snapshot, Thresholds thresholds) {
    int index = 0;
    for (ScriptPart part : parts) {
      for (ScriptStatement s : part.script().statements()) {
        Optional<String> why = blocking(s, snapshot, thresholds);
        if (why.isPresent()) {
          String where = "statement index " + index + " (" + (part.file() == null ? "" : part.file() + " ") + "line "
              + s.line() + ": " + LiveRunPolicy.firstWords(s.text()) + ")";
          return "refused on the live database: " + where + " " + why.get() + ". The dry run's transaction is rolled "
              + "back, but the lock is real while it runs. Dry-run it with target \"shadow\" instead, or pass "
              + "allow_blocking: true to run it here anyway.";
        }
        index++;
      }
    }
    return null;
  }

  private static Optional<String> blocking(ScriptStatement s, SchemaSnapshot snapshot, Thresholds thresholds) {
    Statement model = StatementReader.read(s).statement();
    if (model instanceof Truncate) {
      return Optional.empty(); // swaps in an empty file: the lock is brief whatever the size
    }
    int pgVersion = snapshot.serverVersionNum() / 10000;
    List<TableEffect> effects = new ArrayList<>(StatementEffects.of(model, pgVersion, FunctionVolatility.builtIn()));
    for (TableEffect e : effects) {
      if (!e.lock().blocksWrites() || !(e.rewrite() || e.scan())) {
        continue;
      }
      Optional<TableInfo> table = snapshot.table(e.table());
      if (table.isEmpty() || !thresholds.isLarge(table.get().rowsEstimate(), table.get().totalBytes())) {
        continue;
      }
      TableInfo t = table.get();
      boolean index = model instanceof CreateIndex;
      long rate = e.rewrite() || index ? REWRITE_BYTES_PER_SECOND : SCAN_BYTES_PER_SECOND;
      String work = e.rewrite() ? "rewrites the table" : index ? "builds an index from the whole table" : "reads the whole table";
      return Optional.of("would hold " + e.lock().sqlName() + " on " + t.qualifiedName() + " (" + ByteSizes.rows(t.rowsEstimate())
          + ", " + ByteSizes.human(t.totalBytes()) + ") while it " + work + ": " + duration(t.totalBytes() / (double) rate)
          + " (the table's size at an assumed " + ByteSizes.human(rate) + "/s; slower disks or a busy server take "
          + "longer), blocking " + e.lock().blocks());
    }
    return Optional.empty();
  }

  /** {@code about 3 s}, {@code about 4 min}, {@code about 1.5 h}: an estimate, so one unit. */
  static String duration(double seconds) {
    if (seconds < 1) {
      return "less than a second";
    }
    if (seconds < 90) {
      return String.format(Locale.ROOT, "about %.0f s", seconds);
    }
    if (seconds < 90 * 60) {
      return String.format(Locale.ROOT, "about %.0f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "about %.1f h", seconds / 3600);
  }
}
