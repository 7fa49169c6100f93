package dev.migrationmcp.server.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts the POSTs being answered, so that shutdown can let their answers out before it closes
 * the MCP sessions. Both SDK transports answer a JSON-RPC request inside its POST (Streamable
 * HTTP on the POST's own event stream, HTTP+SSE before the POST returns), so a POST that has ended
 * is a call whose answer was written. Long-lived GET event streams are not counted: they end only
 * when the session is closed.
 *
 * <p>Once {@link #drain} has begun, new POSTs are refused with 503: a call accepted then would be
 * cut off by the shutdown.
 */
final class InFlightRequests extends HttpFilter {
  private int inFlight;
  private boolean draining;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (!begin()) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the server is shutting down");
      return;
    }
    boolean async = false;
    try {
      chain.doFilter(request, response);
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new EndOnCompletion());
        async = true;
      }
    } finally {
      if (!async) {
        end();
      }
    }
  }

  /**
   * Refuses new POSTs and waits until those in flight have ended.
   *
   * @return true when none is left within {@code timeoutMs}
   */
  synchronized boolean drain(long timeoutMs) throws InterruptedException {
    draining = true;
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (inFlight > 0) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  private synchronized boolean begin() {
    if (draining) {
      return false;
    }
    inFlight++;
    return true;
  }

  private synchronized void end() {
    inFlight--;
    notifyAll();
  }

  /** Ends an asynchronous POST once, whichever way its async context finishes. */
  private final class EndOnCompletion implements AsyncListener {
    private boolean ended;

    @Override
    public void onComplete(AsyncEvent event) {
      endOnce();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      endOnce();
    }

    @Override
    public void onError(AsyncEvent event) {
      endOnce();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }

    private synchronized void endOnce() {
      if (!ended) {
        ended = true;
        end();
      }
    }
  }
}
