package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** The two shapes a tool answers with: a result (structured + short text) or an input error. */
public final class ToolResults {
  private ToolResults() {}

  public static CallToolResult success(Map<String, Object> structured, String text) {
    return CallToolResult.builder().structuredContent(structured).addTextContent(text).isError(false).build();
  }

  /** Bad input the model can fix: one sentence saying what was wrong and what to do. */
  public static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
