package dev.migrationmcp.server.mcp;

import dev.migrationmcp.memory.decisions.NewDecision;
import dev.migrationmcp.memory.decisions.RecordedDecision;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.UncheckedIOException;

/** {@code record_decision}: turns the reasoning of a conversation into a decision record in the repository. */
public final class RecordDecisionTool implements McpTool {
  static final String NAME = "record_decision";

  private final MemoryAccess memory;
  private final Runnable afterRecording;

  /** @param afterRecording run after each record written (lists it as a resource) */
  public RecordDecisionTool(MemoryAccess memory, Runnable afterRecording) {
    this.memory = memory;
    this.afterRecording = afterRecording;
  }

  @Override
  public SyncToolSpecification specification() {
    return ToolSpecs.of(NAME, "Record a schema decision", """
            Writes a new decision record (markdown with front matter: title, date, status, tables, \
            migrations) into the project's decisions folder (db/decisions by default) as NNNN-title-slug.md, \
            and indexes it at once so search_past_migrations finds it. Call it when a schema choice was made \
            for a reason worth keeping (e.g. text with a CHECK instead of an enum, an expand/contract plan, \
            a table that must never be rewritten in business hours). The server chooses the number and file \
            name; it never overwrites a file. Returns the id and path of the new record.""",
        ToolSpecs.Effect.ADDS, this::call);
  }

  private CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    try {
      ToolArguments args = new ToolArguments(request.arguments());
      NewDecision decision = new NewDecision(args.string("title"), args.string("decision"), args.string("context"),
          args.strings("tables"), args.strings("migrations"), args.string("status"));
      RecordedDecision recorded = memory.index().recordDecision(decision);
      afterRecording.run();
      return ToolResults.success(Json.toMap(recorded), "Recorded decision " + recorded.id() + " (" + recorded.status()
          + ") in " + recorded.path() + "; it is indexed and searchable now. Commit it with the migration it explains.");
    } catch (ToolArguments.InvalidArgumentException | IllegalArgumentException e) {
      return ToolResults.error(e.getMessage());
    } catch (UncheckedIOException | IllegalStateException e) {
      return ToolResults.error("the decision record could not be written: " + e.getMessage()
          + " (check that the decisions directory, --decisions, is writable)");
    }
  }
}
