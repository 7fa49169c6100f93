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
import java.util.function.Supplier;
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
  public void run(Supplier<McpFeatures> features, McpSchema.ServerCapabilities capabilities, String version)
      throws IOException, InterruptedException {
    Started started = begin(capabilities, version);
    started.serve(CompletableFuture.supplyAsync(features));
  }

  /**
   * Starts reading stdin on a thread of its own — answering {@code initialize} at once — before
   * the features exist; {@link Started#serve} attaches them. The CLI calls this before it even parses
   * its arguments, because a client waits for that first answer.
   */
  public Started begin(McpSchema.ServerCapabilities capabilities, String version) throws IOException {
    return new Started(capabilities, version);
  }

  /** A stdio session whose guard already runs; the SDK server joins it in {@link #serve}. */
  public final class Started {
    private final PendingRequests pending = new PendingRequests();
    private final LineFramedOutput framed = new LineFramedOutput(out, pending);
    private final PipedOutputStream toSdk = new PipedOutputStream();
    private final PipedInputStream sdkIn;
    private final String version;
    private final Thread guard;
    private final java.util.concurrent.CountDownLatch stdinEnded = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    private volatile IOException guardFailure;

    private Started(McpSchema.ServerCapabilities capabilities, String version) throws IOException {
      this.sdkIn = new PipedInputStream(toSdk, 1 << 20);
      this.version = version;
      JsonRpcLineGuard lines = new JsonRpcLineGuard(in, toSdk, framed, pending, new EarlyInitialize(version, capabilities));
      this.guard = new Thread(() -> {
        try {
          lines.run();
        } catch (IOException e) {
          guardFailure = e;
        } finally {
          stdinEnded.countDown();
        }
        // A PipedInputStream reports "pipe broken" once its writer thread has died: this thread
        // wrote the SDK's input, so it lives until serve() has drained the calls and closed the pipe.
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stdio-guard");
      guard.start();
    }

    /**
     * Waits until every request forwarded so far has been answered, at most {@code timeoutMs}: a
     * shutdown calls it so the answers of calls it cancelled still reach the client.
     */
    public boolean awaitAnswered(long timeoutMs) throws InterruptedException {
      return pending.awaitNone(timeoutMs);
    }

    /** Builds the SDK server from {@code features}, serves until stdin ends and in-flight calls are answered. */
    public void serve(CompletableFuture<McpFeatures> features) throws IOException, InterruptedException {
      StdioServerTransportProvider transport =
          new StdioServerTransportProvider(Json.MCP, sdkIn, framed, JsonRpcLineGuard.MAX_LINE_BYTES + 1024);
      McpSyncServer server = MigrationMcpServer.create(transport, features.join(), version);
      try {
        stdinEnded.await();
        if (guardFailure != null) {
          throw guardFailure;
        }
        if (!pending.awaitNone(DRAIN_TIMEOUT_MS)) {
          LOG.warn("stdin closed with requests still running after {} ms; closing anyway", DRAIN_TIMEOUT_MS);
        }
      } finally {
        toSdk.close();
        released.countDown();
        server.closeGracefully();
      }
    }
  }
}
