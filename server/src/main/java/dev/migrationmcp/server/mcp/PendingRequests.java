package dev.migrationmcp.server.mcp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids of client requests forwarded to the SDK and not answered yet, so that stdin EOF can wait
 * for in-flight calls to finish before the session is closed.
 */
final class PendingRequests {
  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  void sent(String id) {
    ids.add(id);
  }

  synchronized void answered(String id) {
    ids.remove(id);
    notifyAll();
  }

  /** Waits until every forwarded request was answered or {@code timeoutMs} elapsed. */
  synchronized boolean awaitNone(long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!ids.isEmpty()) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(Math.min(left, 100));
    }
    return true;
  }
}
