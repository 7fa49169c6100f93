package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the decision records each MCP server lists ({@code resources/list}) in step with the
 * decisions folder, so that a record written by {@code record_decision} can be @-mentioned at once:
 * {@link #refresh} adds the new records to every server (and removes deleted ones), and the SDK
 * then tells the clients the list changed ({@code notifications/resources/list_changed}).
 * Records added to the folder by other means appear at the next refresh; the {@code decision://}
 * template reads any of them meanwhile.
 */
public final class DecisionListing {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionListing.class);

  private final DecisionResources decisions;
  private final List<McpSyncServer> servers = new CopyOnWriteArrayList<>();
  private final Set<String> listed = new HashSet<>();

  public DecisionListing(DecisionResources decisions) {
    this.decisions = decisions;
  }

  /** The records there are now, to list from the start. */
  synchronized List<SyncResourceSpecification> initial() {
    List<SyncResourceSpecification> now = decisions.listed();
    now.forEach(spec -> listed.add(spec.resource().uri()));
    return now;
  }

  /** A server built over the features that hold this listing: it hears of every change from now on. */
  void attach(McpSyncServer server) {
    servers.add(server);
  }

  /** Lists the records written since the last look on every server, and unlists the deleted ones. */
  public synchronized void refresh() {
    Map<String, SyncResourceSpecification> now = new LinkedHashMap<>();
    decisions.listed().forEach(spec -> now.put(spec.resource().uri(), spec));
    for (String gone : Set.copyOf(listed)) {
      if (!now.containsKey(gone)) {
        listed.remove(gone);
        servers.forEach(server -> quietly(() -> server.removeResource(gone), gone));
      }
    }
    now.forEach((uri, spec) -> {
      if (listed.add(uri)) {
        servers.forEach(server -> quietly(() -> server.addResource(spec), uri));
      }
    });
  }

  private static void quietly(Runnable change, String uri) {
    try {
      change.run();
    } catch (RuntimeException e) {
      // A server already closed (shutdown) has no clients to tell.
      LOG.debug("could not update the listed resource {}: {}", uri, e.getMessage());
    }
  }
}
