package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * One MCP prompt (a slash command in Claude Code, {@code /mcp__<server>__<name>}): builds its
 * specification. The text it returns tells the model exactly which tools to call, in which order,
 * with which arguments, and what the answer must contain.
 */
public interface McpPrompt {
  SyncPromptSpecification specification();

  /** A prompt result of one user message. */
  static McpSchema.GetPromptResult userMessage(String description, String text) {
    return new McpSchema.GetPromptResult(description,
        List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
  }

  /** The required argument {@code name}, stripped; a JSON-RPC invalid-params error when missing. */
  static String requiredArgument(McpSchema.GetPromptRequest request, String name) {
    Object value = request.arguments() == null ? null : request.arguments().get(name);
    if (value == null || value.toString().isBlank()) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
          .message("prompt " + request.name() + " needs the argument '" + name + "'").build();
    }
    return value.toString().strip();
  }
}
