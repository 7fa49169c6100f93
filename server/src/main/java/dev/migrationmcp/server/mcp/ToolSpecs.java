package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.function.BiFunction;

/**
 * Builds a tool's specification the one way every tool here is specified: name, title,
 * description, input and output schemas from the bundled schema files ({@link Schemas}), and the
 * annotations clients show before a call, derived from what the tool does ({@link Effect}).
 */
final class ToolSpecs {
  private ToolSpecs() {}

  /**
   * What a call does, as MCP's tool annotations tell it. None of the tools is destructive (nothing
   * they do removes data) or reaches outside the configured databases and project (closed world).
   */
  enum Effect {
    /** Reads only; calling again answers the same while nothing else changes. */
    READ_ONLY(true, true),
    /** Executes SQL but keeps nothing (dry_run: rolled back, clone dropped); calling again is harmless. */
    RUNS_AND_DISCARDS(false, true),
    /** Adds something new each time (record_decision writes a new file). */
    ADDS(false, false);

    final boolean readOnly;
    final boolean idempotent;

    Effect(boolean readOnly, boolean idempotent) {
      this.readOnly = readOnly;
      this.idempotent = idempotent;
    }
  }

  static SyncToolSpecification of(String name, String title, String description, Effect effect,
      BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
    McpSchema.Tool tool = McpSchema.Tool.builder()
        .name(name)
        .title(title)
        .description(description)
        .inputSchema(Json.MCP, Schemas.input(name))
        .outputSchema(Json.MCP, Schemas.output(name))
        .annotations(new McpSchema.ToolAnnotations(title, effect.readOnly, false, effect.idempotent, false, null))
        .build();
    return SyncToolSpecification.builder().tool(tool).callHandler(handler).build();
  }
}
