package dev.migrationmcp.server.mcp;

import dev.migrationmcp.memory.search.SearchHit;
import dev.migrationmcp.memory.search.SearchRequest;
import dev.migrationmcp.memory.search.SearchResult;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code search_past_migrations}: have we done this before, and why did we decide what we decided? */
public final class SearchPastMigrationsTool implements McpTool {
  static final String NAME = "search_past_migrations";

  private final MemoryAccess memory;

  public SearchPastMigrationsTool(MemoryAccess memory) {
    this.memory = memory;
  }

  @Override
  public SyncToolSpecification specification() {
    return ToolSpecs.of(NAME, "Search past migrations and decisions", """
            Full-text search over the project's history of schema changes: every Flyway migration file \
            (its SQL, comments, the tables, columns and operations it touches), the git commits that added \
            or changed it (author, date, message), when it was applied on the live database, and the \
            decision records in db/decisions. Call it before deciding how to make a schema change, to find \
            what was done before and why ("why did we stop using enums for status", "when did we add an \
            index on orders.user_id", "who dropped legacy_id"). Identifiers match by their words \
            (email_verified_at is found by "email verified"). Filter with table, column, operation or a \
            date range; hits come best first with a highlighted snippet.""",
        ToolSpecs.Effect.READ_ONLY, this::call);
  }

  private CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    try {
      ToolArguments args = new ToolArguments(request.arguments());
      SearchRequest search = new SearchRequest(args.string("query"), args.string("table"), args.string("column"),
          args.string("operation"), args.string("since"), args.string("until"), limit(request.arguments()));
      SearchResult result = memory.index().search(search);
      return ToolResults.success(structured(result), text(search, result));
    } catch (ToolArguments.InvalidArgumentException | IllegalArgumentException e) {
      return ToolResults.error(e.getMessage());
    } catch (UncheckedIOException | IllegalStateException e) {
      return ToolResults.error("the memory index could not be used: " + e.getMessage()
          + " (check that --index-dir is writable; the index is derived data and may be deleted)");
    }
  }

  static Integer limit(Map<String, Object> arguments) {
    Object value = arguments == null ? null : arguments.get("limit");
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new ToolArguments.InvalidArgumentException("argument 'limit' must be an integer between 1 and "
        + SearchRequest.MAX_LIMIT + ", got " + value);
  }

  /** The wire shape: hits (always present, possibly empty), total, and a note when there is one. */
  public static Map<String, Object> structured(SearchResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hits", Json.WIRE.convertValue(result.hits(), List.class));
    out.put("total", result.total());
    if (result.note() != null) {
      out.put("note", result.note());
    }
    return out;
  }

  /** A short human summary: one line per hit. */
  public static String text(SearchRequest request, SearchResult result) {
    StringBuilder sb = new StringBuilder();
    if (result.hits().isEmpty()) {
      sb.append("No past migration or decision matches");
      if (request.query() != null && !request.query().isBlank()) {
        sb.append(" \"").append(request.query().strip()).append('"');
      }
      sb.append(". Try fewer words, an identifier's parts (\"email verified\"), or drop a filter.");
      if (result.note() != null) {
        sb.append(" Note: ").append(result.note()).append('.');
      }
      return sb.toString();
    }
    sb.append(result.hits().size()).append(" of ").append(result.total()).append(" matches");
    if (result.note() != null) {
      sb.append(" (").append(result.note()).append(')');
    }
    sb.append(":\n");
    int n = 1;
    for (SearchHit h : result.hits()) {
      sb.append(n++).append(". ");
      if (h.version() != null) {
        sb.append('V').append(h.version()).append(' ');
      } else if (h.id() != null) {
        sb.append("decision ").append(h.id()).append(' ');
      }
      sb.append(h.description()).append(" — ").append(h.path());
      if (h.appliedAt() != null) {
        sb.append(" — applied ").append(h.appliedAt());
      }
      if (h.author() != null) {
        sb.append(" — ").append(h.author());
      }
      if (h.date() != null) {
        sb.append(", ").append(h.date(), 0, Math.min(10, h.date().length()));
      }
      if (h.snippet() != null) {
        sb.append("\n   ").append(h.snippet());
      }
      sb.append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
