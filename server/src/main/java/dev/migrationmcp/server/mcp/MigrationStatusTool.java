package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.tools.db.DatabaseUnavailableException;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.status.MigrationStatus;
import dev.migrationmcp.tools.status.MigrationStatusCheck;
import dev.migrationmcp.tools.status.SchemaDriftCheck;
import dev.migrationmcp.tools.status.StatusRenderer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import org.flywaydb.core.api.FlywayException;

/**
 * {@code migration_status}: Flyway's view of the target database (applied, pending, failed, out of
 * order, missing files, files edited after they were applied) plus the schema drift between the
 * live database and a replay of its applied migrations. Only reads.
 */
public final class MigrationStatusTool implements McpTool {
  static final String NAME = "migration_status";
  static final int STATEMENT_TIMEOUT_MS = 30_000;
  static final int RECENT_LISTED = 20;
  static final int DRIFT_LISTED = 200;

  private final ServerContext context;
  private final DatabaseAccess database;

  public MigrationStatusTool(ServerContext context, DatabaseAccess database) {
    this.context = context;
    this.database = database;
  }

  @Override
  public SyncToolSpecification specification() {
    return ToolSpecs.of(NAME, "Migration status and drift", """
            Where the database stands against the project's Flyway migrations: applied, pending, failed, \
            out-of-order, missing files (applied but the file is gone), checksum mismatches (a file edited after \
            it was applied), Flyway's validation errors, and schema drift — objects that differ between the live \
            database and a replay of its applied migrations on the shadow database, as a diff. Call it before \
            writing a new migration (to know the current version and what is pending) and when Flyway refuses \
            to migrate. Read-only. Without a configured database it reports on the embedded replay.""",
        ToolSpecs.Effect.READ_ONLY, this::call);
  }

  private CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    try {
      ToolArguments args = new ToolArguments(request.arguments());
      boolean measureDrift = args.bool("schema_drift", true);
      boolean all = args.bool("all", false);
      DatabaseUrl url = database.ready(exchange, request);
      boolean live = context.target().isLive();
      List<String> locations = context.target().migrationLocations();
      SchemaDriftCheck drift = live && measureDrift
          ? new SchemaDriftCheck(context.shadow().databases(), STATEMENT_TIMEOUT_MS) : null;
      MigrationStatus status = MigrationStatusCheck.run(new MigrationStatusCheck.Request(url,
          live ? url.describe() : context.target().describe(), live, locations, DryRunPlanner.folders(locations),
          context.settings().projectDir(), drift, STATEMENT_TIMEOUT_MS));
      MigrationStatus answer = all ? status : status.compact(RECENT_LISTED, DRIFT_LISTED);
      return ToolResults.success(Json.toMap(answer), StatusRenderer.render(answer));
    } catch (ToolArguments.InvalidArgumentException | DatabaseUnavailableException e) {
      return ToolResults.error(e.getMessage());
    } catch (FlywayException e) {
      return ToolResults.error("Flyway could not read the history or the migrations: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return ToolResults.error(e.getMessage());
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
