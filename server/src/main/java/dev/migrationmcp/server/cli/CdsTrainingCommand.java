package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.server.mcp.StdioServer;
import dev.migrationmcp.server.mcp.McpFeatures;
import dev.migrationmcp.tools.db.DatabaseUrl;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden {@code cds-training}: walks the stdio start-up path (initialize, tools/list) without a
 * database, so that the launcher can record the loaded classes in a class-data-sharing archive.
 */
@Command(name = "cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    String script = """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"cds","version":"1"}}}
        {"jsonrpc":"2.0","method":"notifications/initialized"}
        {"jsonrpc":"2.0","id":2,"method":"tools/list"}
        not json
        """;
    // A target that is never connected: no tool is called during training.
    ServerSettings settings = new ServerSettings(Path.of("."), DatabaseUrl.local(1, "unused", "unused"), List.of(), "training");
    try (ServerContext context = ServerContext.start(settings)) {
      new StdioServer(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream())
          .run(McpFeatures.of(context), Main.version());
    }
    return 0;
  }
}
