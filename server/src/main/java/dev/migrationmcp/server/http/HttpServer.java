package dev.migrationmcp.server.http;

import dev.migrationmcp.server.mcp.Json;
import dev.migrationmcp.server.mcp.McpFeatures;
import dev.migrationmcp.server.mcp.MigrationMcpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over HTTP on an embedded Jetty: Streamable HTTP at {@value #MCP_PATH} and the legacy
 * HTTP+SSE transport at {@value #SSE_PATH} (messages posted to {@value #MESSAGE_PATH}). Each
 * transport has its own MCP server over the same features. Every request passes the
 * {@link HttpGuard} first.
 */
public final class HttpServer implements AutoCloseable {
  public static final String MCP_PATH = "/mcp";
  public static final String SSE_PATH = "/sse";
  public static final String MESSAGE_PATH = "/message";
  /** Largest request body accepted (a migration script is far smaller). */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
  private static final long STOP_TIMEOUT_MS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final Server jetty;
  private final List<McpSyncServer> servers;
  private final HttpBinding binding;
  private final InFlightRequests inFlight;
  private boolean closed;

  private HttpServer(Server jetty, List<McpSyncServer> servers, HttpBinding binding, InFlightRequests inFlight) {
    this.jetty = jetty;
    this.servers = servers;
    this.binding = binding;
    this.inFlight = inFlight;
  }

  /**
   * Starts listening. {@code token} may be null only on a loopback binding.
   *
   * @throws IllegalArgumentException when the binding is not loopback and there is no token
   */
  public static HttpServer start(HttpBinding binding, String token, McpFeatures features, String version) throws Exception {
    if (token == null && !binding.isLoopback()) {
      throw new IllegalArgumentException(refusalWithoutToken(binding));
    }
    HttpServletStreamableServerTransportProvider streamable = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(Json.MCP)
        .mcpEndpoint(MCP_PATH)
        .keepAliveInterval(KEEP_ALIVE)
        .maxRequestSize(MAX_BODY_BYTES)
        .build();
    HttpServletSseServerTransportProvider sse = HttpServletSseServerTransportProvider.builder()
        .jsonMapper(Json.MCP)
        .sseEndpoint(SSE_PATH)
        .messageEndpoint(MESSAGE_PATH)
        .keepAliveInterval(KEEP_ALIVE)
        .maxRequestSize(MAX_BODY_BYTES)
        .build();
    List<McpSyncServer> servers = List.of(
        MigrationMcpServer.create(streamable, features, version),
        MigrationMcpServer.create(sse, features, version));

    Server jetty = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(binding.host());
    connector.setPort(binding.port());
    jetty.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/");
    FilterHolder guard = new FilterHolder(new HttpGuard(binding, token, MAX_BODY_BYTES));
    guard.setAsyncSupported(true);
    context.addFilter(guard, "/*", EnumSet.of(DispatcherType.REQUEST));
    InFlightRequests inFlight = new InFlightRequests();
    FilterHolder counter = new FilterHolder(inFlight);
    counter.setAsyncSupported(true);
    context.addFilter(counter, "/*", EnumSet.of(DispatcherType.REQUEST));
    ServletHolder streamableHolder = new ServletHolder("mcp-streamable", streamable);
    streamableHolder.setAsyncSupported(true);
    context.addServlet(streamableHolder, MCP_PATH);
    ServletHolder sseHolder = new ServletHolder("mcp-sse", sse);
    sseHolder.setAsyncSupported(true);
    context.addServlet(sseHolder, SSE_PATH);
    context.addServlet(sseHolder, MESSAGE_PATH);
    jetty.setHandler(context);
    jetty.setStopTimeout(STOP_TIMEOUT_MS);
    jetty.setStopAtShutdown(false);
    try {
      jetty.start();
    } catch (Exception e) {
      servers.forEach(McpSyncServer::close);
      jetty.stop();
      throw new IllegalStateException("cannot listen on " + binding.urlHost() + ":" + binding.port() + ": " + e.getMessage(), e);
    }
    return new HttpServer(jetty, servers, binding, inFlight);
  }

  public static String refusalWithoutToken(HttpBinding binding) {
    return "--http " + binding.urlHost() + ":" + binding.port() + " accepts connections from other machines, so it "
        + "needs a bearer token: set MIGRATION_MCP_TOKEN (or pass --token); clients then send "
        + "'Authorization: Bearer <token>'. Bind 127.0.0.1 to serve this machine only.";
  }

  /** The port actually bound (useful when 0 was asked for). */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    return "http://" + binding.urlHost() + ":" + port();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /**
   * Lets the answers of calls in flight out (new calls get 503; waits up to a few seconds), then
   * closes the MCP sessions and stops Jetty. Closing the sessions first would cut off an answer
   * being written, e.g. that of a dry run a SIGTERM has just cancelled.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!inFlight.drain(STOP_TIMEOUT_MS)) {
        LOG.warn("calls still running after {} ms; closing their sessions anyway", STOP_TIMEOUT_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (McpSyncServer server : servers) {
      try {
        server.closeGracefully();
      } catch (RuntimeException e) {
        LOG.debug("closing an MCP session failed: {}", e.getMessage());
      }
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server failed: {}", e.getMessage());
    }
  }
}
