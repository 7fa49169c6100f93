package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.db.DatabaseUnavailableException;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.schema.IntrospectionRequest;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.UnknownTableException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code inspect_schema}: what the database looks like right now, and how big each table is. */
public final class InspectSchemaTool implements McpTool {
  static final String NAME = "inspect_schema";
  private static final int STATEMENT_TIMEOUT_MS = 30_000;

  private final DatabaseAccess database;

  public InspectSchemaTool(DatabaseAccess database) {
    this.database = database;
  }

  @Override
  public SyncToolSpecification specification() {
    return ToolSpecs.of(NAME, "Inspect the database schema", """
            Reads the live PostgreSQL catalog: tables with row estimates and sizes, columns (type, \
            nullability, default, identity, generated), primary keys, unique/check constraints, foreign \
            keys (and whether an index covers them), indexes (definition, validity, size), referencing \
            tables, triggers, partitions, enums, views, sequences, extensions, plus findings (foreign keys \
            without an index, invalid or duplicate indexes, tables without a primary key). Call it before \
            writing a migration. Without arguments it lists every table compactly, largest first; pass \
            tables for full detail of the ones you will touch.""",
        ToolSpecs.Effect.READ_ONLY, this::call);
  }

  private CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    try {
      ToolArguments args = new ToolArguments(request.arguments());
      List<String> tables = args.strings("tables");
      String schema = args.string("schema");
      String detail = args.oneOf("detail", tables.isEmpty() ? "summary" : "full", "summary", "full");
      boolean full = detail.equals("full");
      SchemaSnapshot snapshot;
      DatabaseUrl url = database.ready(exchange, request);
      try (Connection c = Databases.connect(url)) {
        snapshot = new SchemaIntrospector(c, () -> Databases.connect(url), STATEMENT_TIMEOUT_MS)
            .read(new IntrospectionRequest(blankToNull(schema), tables, full));
      }
      if (schema != null && !schema.isBlank() && snapshot.schemas().isEmpty()) {
        return ToolResults.error("schema '" + schema + "' does not exist; call inspect_schema without arguments to list the schemas");
      }
      String source = database.target().isLive() ? "live database " + database.target().describe() : database.target().describe();
      SchemaInspection.Answer answer = SchemaInspection.of(snapshot, full, source);
      return ToolResults.success(answer.structured(), answer.text());
    } catch (UnknownTableException | ToolArguments.InvalidArgumentException | DatabaseUnavailableException e) {
      return ToolResults.error(e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return ToolResults.error(e.getMessage());
    } catch (SQLException e) {
      return ToolResults.error("reading the catalog failed: " + e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
