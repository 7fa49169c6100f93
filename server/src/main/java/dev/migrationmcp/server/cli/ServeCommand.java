package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.http.HttpBinding;
import dev.migrationmcp.server.http.HttpServer;
import dev.migrationmcp.server.mcp.McpFeatures;
import dev.migrationmcp.server.mcp.MigrationMcpServer;
import dev.migrationmcp.server.mcp.StdioServer;
import dev.migrationmcp.tools.db.EmbeddedPostgresServer;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the MCP server over stdio (what Claude Code launches), or over HTTP with {@code --http}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the MCP server over stdio (register it with: claude mcp add migrations -- bin/migration-mcp serve),",
        "or over HTTP with --http: Streamable HTTP at /mcp, legacy HTTP+SSE at /sse (messages to /message)."})
final class ServeCommand extends PrintingCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  static final String TOKEN_ENV = "MIGRATION_MCP_TOKEN";
  /** How long SIGTERM waits for the answers of calls in flight over stdio before stopping the databases. */
  private static final long SHUTDOWN_ANSWER_WAIT_MS = 5_000;

  @Mixin ProjectOptions options;

  @Option(names = "--http", paramLabel = "[HOST:]PORT",
      description = "Serve over HTTP instead of stdio. HOST defaults to 127.0.0.1; PORT 0 picks a free port "
          + "(the bound address is printed on stderr).")
  String http;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token HTTP clients must send (Authorization: Bearer TOKEN). Required when HOST is not "
          + "loopback. Prefer env " + TOKEN_ENV + ": a command line is visible to other local users.")
  String token;

  private static volatile StdioServer.Started early;

  /**
   * For {@code serve} over stdio, starts reading stdin and answering {@code initialize} before the
   * arguments are even parsed (see {@link StdioServer#begin}); {@link #call} then attaches the tools.
   */
  static void startStdioEarly(String[] args, PrintStream out) {
    for (String a : args) {
      if (a.equals("--http") || a.startsWith("--http=") || a.equals("-h") || a.equals("--help") || a.equals("-V")
          || a.equals("--version")) {
        return;
      }
    }
    try {
      early = new StdioServer(System.in, out).begin(MigrationMcpServer.standardCapabilities(), Main.version());
    } catch (java.io.IOException e) {
      early = null;
    }
  }

  @Override
  public Integer call() throws Exception {
    // The shutdown hooks below stop the databases, after the dry runs in flight are rolled back.
    EmbeddedPostgresServer.stopOnlyOnClose();
    if (http != null) {
      return serveHttp();
    }
    ServerSettings settings = options.resolve();
    ServerContext context = ServerContext.start(settings);
    StdioServer.Started stdio = early != null ? early
        : new StdioServer(System.in, stdout).begin(MigrationMcpServer.standardCapabilities(), Main.version());
    // SIGTERM: cancel dry runs in flight (rolled back, clones dropped), let their answers out, then
    // stop the databases.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      context.cancelDryRuns();
      try {
        stdio.awaitAnswered(SHUTDOWN_ANSWER_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      context.close();
    }, "stop-databases"));
    Signals.exitNormallyOn("TERM", "INT");
    LOG.info("serving MCP over stdio; project {}; database: {}", settings.projectDir(), settings.databaseSource());
    stdio.serve(java.util.concurrent.CompletableFuture.supplyAsync(() -> McpFeatures.of(context)));
    context.close();
    return 0;
  }

  private int serveHttp() throws Exception {
    HttpBinding binding;
    try {
      binding = HttpBinding.parse(http);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    String bearer = token != null && !token.isBlank() ? token.strip() : blankToNull(System.getenv(TOKEN_ENV));
    if (bearer == null && !binding.isLoopback()) {
      System.err.println("error: " + HttpServer.refusalWithoutToken(binding));
      return 2;
    }
    ServerSettings settings = options.resolve();
    ServerContext context = ServerContext.start(settings);
    HttpServer server;
    try {
      server = HttpServer.start(binding, bearer, McpFeatures.of(context), Main.version());
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    // SIGTERM: cancel dry runs in flight first (rolled back, clones dropped) so that Jetty's graceful
    // stop sees their answers go out, then stop serving, then stop the databases.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      context.cancelDryRuns();
      server.close();
      context.close();
    }, "stop-http"));
    Signals.exitNormallyOn("TERM", "INT");
    LOG.info("serving MCP over HTTP; project {}; database: {}; bearer token {}", settings.projectDir(),
        settings.databaseSource(), bearer == null ? "not required (loopback only)" : "required");
    System.err.println("migration-mcp: listening on " + server.baseUrl() + HttpServer.MCP_PATH + " (Streamable HTTP) and "
        + server.baseUrl() + HttpServer.SSE_PATH + " (HTTP+SSE)");
    System.err.flush();
    server.join();
    return 0;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
