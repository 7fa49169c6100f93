package dev.migrationmcp.server.mcp;

import dev.migrationmcp.server.config.TargetDatabase;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connects a tool call to the target database, waiting for the embedded one if it is still
 * starting and telling the client so with progress notifications (when it sent a progress token).
 */
public final class DatabaseAccess {
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private final TargetDatabase target;

  public DatabaseAccess(TargetDatabase target) {
    this.target = target;
  }

  public TargetDatabase target() {
    return target;
  }

  public Connection connect(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    return Databases.connect(ready(exchange, request));
  }

  /** Waits for the database and returns where it is. */
  public DatabaseUrl ready(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    Object token = request.meta() == null ? null : request.meta().get("progressToken");
    AtomicInteger ticks = new AtomicInteger();
    DatabaseUrl url = target.await(STARTUP_TIMEOUT, phase -> {
      if (token != null && exchange != null) {
        int tick = ticks.incrementAndGet();
        exchange.progressNotification(new McpSchema.ProgressNotification(token, (double) tick, null,
            "waiting for the database: " + phase));
      }
    });
    return url;
  }
}
