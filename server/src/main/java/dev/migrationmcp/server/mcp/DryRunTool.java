package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.tools.db.DatabaseUnavailableException;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.dryrun.BlockingPolicy;
import dev.migrationmcp.tools.dryrun.DryRun;
import dev.migrationmcp.tools.dryrun.DryRunRenderer;
import dev.migrationmcp.tools.dryrun.DryRunReport;
import dev.migrationmcp.tools.dryrun.Predictor;
import dev.migrationmcp.tools.dryrun.ShadowDatabases;
import dev.migrationmcp.tools.lint.LintConfig;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.api.FlywayException;

/**
 * {@code dry_run}: executes a migration on a disposable clone (or, opt-in, inside a rolled-back
 * transaction on the live database) and reports what PostgreSQL really did. Dry runs are
 * serialized per target: two at once on one database would see each other's locks.
 */
public final class DryRunTool implements McpTool {
  static final String NAME = "dry_run";

  private final ServerContext context;
  private final DatabaseAccess database;
  private final Predictor predictor;
  private final ReentrantLock shadowLock = new ReentrantLock();
  private final ReentrantLock liveLock = new ReentrantLock();

  public DryRunTool(ServerContext context, DatabaseAccess database, Predictor predictor) {
    this.context = context;
    this.database = database;
    this.predictor = predictor;
  }

  @Override
  public SyncToolSpecification specification() {
    return ToolSpecs.of(NAME, "Dry-run a migration", """
            Executes a migration for real and keeps nothing: on a disposable clone of the project's \
            migrations (default, target "shadow"), or on the live database inside a transaction that is \
            always rolled back (target "live", opt-in). Reports per statement the locks it took, tables \
            and indexes it rewrote, sequential scans, rows, timing and errors with line and column in the \
            file; then the schema diff and, with a down migration (down_sql/down_path, or the matching \
            Flyway U file), whether it really restores the schema. With neither sql nor path it runs the \
            pending Flyway migrations in order. With a live database connected, baseline "live" starts the \
            shadow from a schema-only copy of it instead of the migrations. Call it before proposing a migration.""",
        ToolSpecs.Effect.RUNS_AND_DISCARDS, this::call);
  }

  private CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    try {
      ToolArguments args = new ToolArguments(request.arguments());
      boolean live = args.oneOf("target", "shadow", "shadow", "live").equals("live");
      if (live && !context.target().isLive()) {
        return ToolResults.error("target \"live\" needs a live database (--database-url, DATABASE_URL or FLYWAY_URL); "
            + "this server runs on the embedded database, so use the default target \"shadow\"");
      }
      long timeout = args.positiveLong("timeout_ms", live ? 30_000 : 120_000);
      long lockTimeout = args.positiveLong("lock_timeout_ms", live ? 2_000 : 10_000);
      DatabaseUrl targetUrl = database.ready(exchange, request);
      boolean liveBaseline = args.oneOf("baseline", "migrations", "migrations", "live").equals("live");
      DryRunPlanner.Plan plan = new DryRunPlanner(context, liveBaseline).plan(args.string("sql"), args.string("path"),
          args.string("down_sql"), args.string("down_path"), live, targetUrl, timeout, lockTimeout, predictor);
      if (plan.nothingToRun() != null) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("target", live ? "live" : "shadow");
        out.put("statements", java.util.List.of());
        out.put("committed", false);
        out.put("notes", java.util.List.of(plan.nothingToRun()));
        return ToolResults.success(out, plan.nothingToRun());
      }
      ReentrantLock lock = live ? liveLock : shadowLock;
      lock.lock();
      DryRunReport report;
      try {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        DryRun.Progress progress = token == null ? DryRun.Progress.NONE : (i, total, sql) ->
            exchange.progressNotification(new McpSchema.ProgressNotification(token, (double) i, (double) total,
                "statement " + (i + 1) + " of " + total + ": " + sql));
        DryRun.Request run = plan.request().withBlocking(new BlockingPolicy(args.bool("allow_blocking", false),
            LintConfig.load(context.settings().projectDir()).thresholds()));
        report = context.dryRuns().run(new DryRun(context.shadow().databases()), run, progress);
      } finally {
        lock.unlock();
      }
      Map<String, Object> structured = Json.toMap(report);
      structured.put("committed", false);
      // The wire format omits empty lists, but the output schema requires "statements": without
      // this, a refused live run (nothing ran) came back as an output-validation error that hid
      // the reason for the refusal (found by LiveSafetyIT).
      structured.putIfAbsent("statements", java.util.List.of());
      return ToolResults.success(structured, DryRunRenderer.render(report));
    } catch (ToolArguments.InvalidArgumentException | ProjectFiles.PathRefusedException
        | DatabaseUnavailableException | ShadowDatabases.BaselineException e) {
      return ToolResults.error(e.getMessage());
    } catch (FlywayException e) {
      return ToolResults.error("Flyway could not read the migrations: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return ToolResults.error(e.getMessage());
    } catch (SQLException e) {
      return ToolResults.error("the dry run could not talk to the database: " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
