package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdio: the SDK's transport behind a {@link JsonRpcLineGuard}. Returns when stdin ends,
 * after in-flight requests have been answered.
 */
public final class StdioServer {
  private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);
  private static final long DRAIN_TIMEOUT_MS = 60_000;

  private final InputStream in;
  private final OutputStream out;

  public StdioServer(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  public void run(McpFeatures features, String version) throws IOException, InterruptedException {
    run(() -> features, MigrationMcpServer.capabilities(features), version);
  }

  /**
   * Serves with features assembled in the background: {@code initialize} is answered from
   * {@code capabilities} at once, and the SDK server is built from the features meanwhile.
   */
  public void run(java.util.function.Supplier<McpFeatures> features, McpSchema.ServerCapabilities capabilities,
      String version) throws IOException, InterruptedException {
    PendingRequests pending = new PendingRequests();
    LineFramedOutput framed = new LineFramedOutput(out, pending);
    PipedOutputStream toSdk = new PipedOutputStream();
    PipedInputStream sdkIn = new PipedInputStream(toSdk, 1 << 20);
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(Json.MCP, sdkIn, framed, JsonRpcLineGuard.MAX_LINE_BYTES + 1024);
    // The SDK assembles while the guard already reads and answers initialize (see EarlyInitialize).
    CompletableFuture<McpSyncServer> building =
        CompletableFuture.supplyAsync(() -> MigrationMcpServer.create(transport, features.get(), version));
    McpSyncServer server = null;
    try {
      new JsonRpcLineGuard(in, toSdk, framed, pending, new EarlyInitialize(version, capabilities)).run();
      server = building.join();
      if (!pending.awaitNone(DRAIN_TIMEOUT_MS)) {
        LOG.warn("stdin closed with requests still running after {} ms; closing anyway", DRAIN_TIMEOUT_MS);
      }
    } finally {
      toSdk.close();
      if (server == null) {
        server = building.join();
      }
      server.closeGracefully();
    }
  }
}
