package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.server.mcp.StdioServer;
import dev.migrationmcp.server.mcp.ToolRegistry;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: the MCP server over stdio (what Claude Code launches). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the MCP server over stdio (register it with: claude mcp add migrations -- bin/migration-mcp serve).")
final class ServeCommand implements Callable<Integer>, Main.StdoutAware {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin ProjectOptions options;
  private PrintStream stdout;

  @Override
  public void setStdout(PrintStream out) {
    this.stdout = out;
  }

  @Override
  public Integer call() throws Exception {
    ServerSettings settings = options.resolve();
    ServerContext context = ServerContext.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(context::close, "stop-databases"));
    Signals.exitNormallyOn("TERM", "INT");
    LOG.info("serving MCP over stdio; project {}; database: {}", settings.projectDir(), settings.databaseSource());
    new StdioServer(System.in, stdout).run(ToolRegistry.all(context), Main.version());
    context.close();
    return 0;
  }
}
