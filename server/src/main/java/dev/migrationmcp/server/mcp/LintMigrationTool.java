package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.tools.db.DatabaseUnavailableException;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.flyway.PendingMigrations;
import dev.migrationmcp.tools.lint.LintConfig;
import dev.migrationmcp.tools.lint.LintSettings;
import dev.migrationmcp.tools.lint.LiveSchema;
import dev.migrationmcp.tools.lint.LiveSchemaLoader;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.migrationmcp.memory.history.AppliedMigration;
import dev.migrationmcp.memory.history.FlywayHistory;
import org.flywaydb.core.api.FlywayException;

/**
 * {@code lint_migration}: which statements are dangerous, why, what lock they take and what it
 * blocks, how big the table really is, and the safe rewrite.
 */
public final class LintMigrationTool implements McpTool {
  static final String NAME = "lint_migration";

  private final ServerContext context;
  private final DatabaseAccess database;
  private final LiveLintCache liveFacts = new LiveLintCache();

  public LintMigrationTool(ServerContext context, DatabaseAccess database) {
    this.context = context;
    this.database = database;
  }

  @Override
  public SyncToolSpecification specification() {
    return ToolSpecs.of(NAME, "Lint a migration", """
            Lints PostgreSQL migration SQL before it runs: for each dangerous statement the rule, the lock \
            it takes and what that blocks, why, and the safe rewrite as SQL for that statement; with the \
            database connected, the table's real row count and size raise or lower the severity. Covers \
            locking and rewrites, destructive changes, types, transactions and timeouts, Flyway naming and \
            checksums. Give sql, or path (a file, a directory in Flyway order, or "pending" for the \
            migrations not applied yet). Call it on every migration before proposing it.""",
        ToolSpecs.Effect.READ_ONLY, this::call);
  }

  /** Checksums flyway_schema_history recorded per version (empty without the table). */
  static Map<String, Integer> appliedChecksums(DatabaseUrl url) {
    Map<String, Integer> out = new java.util.HashMap<>();
    try (java.sql.Connection c = dev.migrationmcp.tools.db.Databases.connect(url)) {
      for (AppliedMigration m : FlywayHistory.read(c, FlywayHistory.DEFAULT_TABLE)) {
        if (m.version() != null && m.checksum() != null && m.success()) {
          out.put(m.version(), m.checksum());
        }
      }
    } catch (SQLException | RuntimeException e) {
      return Map.of();
    }
    return out;
  }

  private CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    try {
      ToolArguments args = new ToolArguments(request.arguments());
      String sql = args.string("sql");
      String path = args.string("path");
      if (sql == null && path == null) {
        return ToolResults.error("give sql (the migration text) or path (a file, a directory, or \"pending\")");
      }
      if (sql != null && path != null) {
        return ToolResults.error("give either sql or path, not both");
      }
      long pgVersion = args.positiveLong("pg_version", 0);
      boolean useLive = args.bool("use_live_schema", true);
      Path project = context.settings().projectDir();
      LintSettings settings = LintConfig.load(project);
      LiveSchema live = null;
      FunctionVolatility volatility = FunctionVolatility.builtIn();
      DatabaseUrl url = null;
      if (useLive || "pending".equals(path)) {
        url = database.ready(exchange, request);
      }
      if (useLive) {
        LiveSchemaLoader.Loaded loaded = liveFacts.get(context.target().isLive(), url);
        live = loaded.schema();
        volatility = loaded.volatility();
        if (context.target().isLive()) {
          settings = settings.withPgVersion(loaded.serverMajorVersion());
        }
      }
      if (pgVersion > 0) {
        if (pgVersion < 9 || pgVersion > 30) {
          return ToolResults.error("pg_version must be a PostgreSQL major version such as 13 or 17, got " + pgVersion);
        }
        settings = settings.withPgVersion((int) pgVersion);
      }
      ProjectFiles files = new ProjectFiles(project);
      List<LintRunner.Input> inputs = new ArrayList<>();
      if (sql != null) {
        inputs.add(LintRunner.inline(sql));
      } else if (path.equals("pending")) {
        for (Path p : PendingMigrations.of(url, context.target().migrationLocations()).pending()) {
          inputs.add(LintRunner.read(files, p));
        }
        if (inputs.isEmpty()) {
          return ToolResults.error("no pending Flyway migrations on " + context.target().describe()
              + "; give sql or a path to lint something else");
        }
      } else {
        inputs.addAll(LintRunner.fromPath(files, path));
      }
      Map<String, Integer> applied = context.target().isLive() && url != null ? appliedChecksums(url) : Map.of();
      inputs = LintRunner.withFlyway(inputs, files, DryRunPlanner.folders(context.target().migrationLocations()), applied);
      LintRunner.Result result = LintRunner.lint(inputs, settings, live, volatility);
      return ToolResults.success(LintAnswer.structured(result.report()), LintAnswer.text(result.report(), result.sources()));
    } catch (ToolArguments.InvalidArgumentException | ProjectFiles.PathRefusedException | DatabaseUnavailableException e) {
      return ToolResults.error(e.getMessage());
    } catch (FlywayException e) {
      return ToolResults.error("Flyway could not read the migrations: " + e.getMessage().lines().findFirst().orElse(""));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return ToolResults.error(e.getMessage());
    } catch (SQLException e) {
      return ToolResults.error("reading the live schema failed: " + e.getMessage());
    }
  }
}
