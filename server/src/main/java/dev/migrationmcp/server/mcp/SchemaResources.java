package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.db.DatabaseUnavailableException;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.schema.IntrospectionRequest;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.UnknownTableException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Schema resources (@-mentions in Claude Code): {@code schema://tables}, every table compactly as
 * {@code inspect_schema} lists them, and the template {@code schema://table/{name}}, one table's
 * full detail as {@code inspect_schema} gives it. Same introspection, same JSON.
 */
public final class SchemaResources {
  static final String TABLES_URI = "schema://tables";
  static final String TABLE_PREFIX = "schema://table/";
  private static final String JSON = "application/json";
  private static final int STATEMENT_TIMEOUT_MS = 30_000;
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private final DatabaseAccess database;

  public SchemaResources(DatabaseAccess database) {
    this.database = database;
  }

  public SyncResourceSpecification tables() {
    McpSchema.Resource resource = McpSchema.Resource.builder(TABLES_URI, "tables")
        .title("Database tables")
        .description("Every table with row estimates and sizes, largest first, plus enums, views, sequences and "
            + "schema findings: the inspect_schema summary.")
        .mimeType(JSON)
        .build();
    return new SyncResourceSpecification(resource, (exchange, request) -> read(request.uri(), new IntrospectionRequest(null, List.of(), false)));
  }

  public SyncResourceTemplateSpecification table() {
    McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(TABLE_PREFIX + "{name}", "table")
        .title("Database table")
        .description("One table in full detail (columns, keys, constraints, indexes, foreign keys, referencing "
            + "tables, triggers, size), as inspect_schema gives it. name is a table, optionally schema-qualified.")
        .mimeType(JSON)
        .build();
    return new SyncResourceTemplateSpecification(template, this::readTable);
  }

  private McpSchema.ReadResourceResult readTable(McpSyncServerExchange exchange, McpSchema.ReadResourceRequest request) {
    String uri = request.uri();
    String name = uri.startsWith(TABLE_PREFIX) ? URLDecoder.decode(uri.substring(TABLE_PREFIX.length()), StandardCharsets.UTF_8) : "";
    if (name.isBlank() || name.contains("*")) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
          .message("name one table: schema://table/<table> or schema://table/<schema>.<table>").build();
    }
    return read(uri, new IntrospectionRequest(null, List.of(name), true));
  }

  private McpSchema.ReadResourceResult read(String uri, IntrospectionRequest request) {
    try {
      DatabaseUrl url = database.target().await(STARTUP_TIMEOUT, phase -> {});
      SchemaSnapshot snapshot;
      try (Connection c = Databases.connect(url)) {
        snapshot = new SchemaIntrospector(c, () -> Databases.connect(url), STATEMENT_TIMEOUT_MS).read(request);
      }
      String source = database.target().isLive() ? "live database " + database.target().describe() : database.target().describe();
      SchemaInspection.Answer answer = SchemaInspection.of(snapshot, request.full(), source);
      return new McpSchema.ReadResourceResult(List.of(
          new McpSchema.TextResourceContents(uri, JSON, Json.toPrettyJson(answer.structured()))));
    } catch (UnknownTableException e) {
      throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(e.getMessage()).build();
    } catch (DatabaseUnavailableException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
    } catch (SQLException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("reading the catalog failed: " + e.getMessage()).build();
    }
  }
}
