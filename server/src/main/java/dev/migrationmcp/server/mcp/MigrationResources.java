package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.flyway.MigrationFile;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The template {@code migration://{version}}: the text of the project's versioned Flyway file with
 * that version ({@code 3}, {@code V3}, {@code 1.2}), then its history as JSON (git commits, and
 * the {@code flyway_schema_history} rows of a live database). The file is read through {@link
 * ProjectFiles}, so a location outside the project (after symlinks) is refused.
 */
public final class MigrationResources {
  static final String PREFIX = "migration://";

  private final ProjectMigrations migrations;
  private final MigrationFileHistory history;

  public MigrationResources(ProjectMigrations migrations, MigrationFileHistory history) {
    this.migrations = migrations;
    this.history = history;
  }

  public SyncResourceTemplateSpecification migration() {
    McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(PREFIX + "{version}", "migration")
        .title("Migration file")
        .description("The SQL of the project's Flyway migration with this version, e.g. migration://3, then its history "
            + "as JSON: git commits (hash, author, date, message) and when it was applied (live database).")
        .mimeType("application/sql")
        .build();
    return new SyncResourceTemplateSpecification(template, this::read);
  }

  private McpSchema.ReadResourceResult read(McpSyncServerExchange exchange, McpSchema.ReadResourceRequest request) {
    String uri = request.uri();
    String version = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : "";
    if (ProjectMigrations.parseVersion(version) == null) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
          .message("'" + version + "' is not a Flyway version; use migration://<version>, e.g. migration://3").build();
    }
    MigrationFile file = migrations.find(version, MigrationFile.Type.VERSIONED).orElseThrow(() ->
        McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
            .message("no versioned migration " + version + " in " + migrations.folders().stream()
                .map(migrations::relative).toList()).build());
    String relative = migrations.relative(file.path());
    String text;
    try {
      text = migrations.files().read(relative);
    } catch (ProjectFiles.PathRefusedException e) {
      throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(e.getMessage()).build();
    }
    return new McpSchema.ReadResourceResult(List.of(
        new McpSchema.TextResourceContents(uri, "application/sql", text,
            Map.of("path", relative, "version", file.version().getVersion(), "description", file.description())),
        new McpSchema.TextResourceContents(uri, "application/json", Json.toPrettyJson(history.of(file, relative)),
            Map.of("part", "history"))));
  }
}
