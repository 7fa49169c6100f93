package dev.migrationmcp.server.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A minimal MCP client over HTTP with {@link HttpClient}: Streamable HTTP (POST to {@code /mcp},
 * JSON or SSE-framed answers, {@code Mcp-Session-Id}) and the legacy HTTP+SSE transport (GET
 * {@code /sse}, an {@code endpoint} event, POSTs whose answers arrive on the event stream).
 */
final class McpHttpClient implements AutoCloseable {
  static final String PROTOCOL = "2025-11-25";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final Map<String, String> headers;
  private final AtomicInteger ids = new AtomicInteger();
  private String sessionId;
  private String sseMessageUrl;
  private final BlockingQueue<JsonNode> sseMessages = new LinkedBlockingQueue<>();
  private Stream<String> sseLines;

  McpHttpClient(String base, Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3));
    headers.forEach(b::header);
    return b;
  }

  /** A raw POST to {@code path} with this client's headers plus {@code extra}. */
  HttpResponse<String> post(String path, String body, Map<String, String> extra) throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    extra.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---- Streamable HTTP ----

  JsonNode streamableRequest(String method, Object params) throws Exception {
    int id = ids.incrementAndGet();
    HttpResponse<String> response = post("/mcp", json(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params)),
        sessionHeaders());
    if (response.statusCode() != 200) {
      throw new AssertionError(method + ": HTTP " + response.statusCode() + " " + response.body());
    }
    response.headers().firstValue("Mcp-Session-Id").ifPresent(s -> sessionId = s);
    String type = response.headers().firstValue("Content-Type").orElse("");
    List<JsonNode> messages = type.startsWith("text/event-stream") ? sseData(response.body())
        : List.of(McpProcess.JSON.readTree(response.body()));
    for (JsonNode m : messages) {
      if (m.has("id") && m.get("id").asInt() == id && !m.has("method")) {
        return m;
      }
    }
    throw new AssertionError("no answer to " + method + " in " + response.body());
  }

  int streamableNotify(String method) throws Exception {
    return post("/mcp", json(Map.of("jsonrpc", "2.0", "method", method)), sessionHeaders()).statusCode();
  }

  JsonNode streamableInitialize() throws Exception {
    JsonNode init = streamableRequest("initialize", initializeParams());
    int status = streamableNotify("notifications/initialized");
    if (status != 202 && status != 200) {
      throw new AssertionError("notifications/initialized: HTTP " + status);
    }
    return init;
  }

  String sessionId() {
    return sessionId;
  }

  private Map<String, String> sessionHeaders() {
    return sessionId == null ? Map.of() : Map.of("Mcp-Session-Id", sessionId, "MCP-Protocol-Version", PROTOCOL);
  }

  /** The JSON payloads of an SSE body's events. */
  static List<JsonNode> sseData(String body) {
    List<JsonNode> out = new ArrayList<>();
    StringBuilder data = new StringBuilder();
    for (String line : (body + "\n\n").split("\r?\n", -1)) {
      if (line.startsWith("data:")) {
        data.append(line.substring(5).stripLeading());
      } else if (line.isEmpty() && data.length() > 0) {
        out.add(McpProcess.JSON.readTree(data.toString()));
        data.setLength(0);
      }
    }
    return out;
  }

  // ---- legacy HTTP+SSE ----

  /** Opens {@code GET /sse} and waits for the endpoint event. */
  void sseConnect() throws Exception {
    HttpResponse<Stream<String>> response = http.send(request("/sse").header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /sse: HTTP " + response.statusCode());
    }
    sseLines = response.body();
    BlockingQueue<String> endpoint = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      String event = "message";
      StringBuilder data = new StringBuilder();
      try {
        for (String line : (Iterable<String>) sseLines::iterator) {
          if (line.startsWith("event:")) {
            event = line.substring(6).strip();
          } else if (line.startsWith("data:")) {
            data.append(line.substring(5).stripLeading());
          } else if (line.isEmpty()) {
            if (data.length() > 0) {
              if (event.equals("endpoint")) {
                endpoint.add(data.toString());
              } else {
                sseMessages.add(McpProcess.JSON.readTree(data.toString()));
              }
            }
            event = "message";
            data.setLength(0);
          }
        }
      } catch (RuntimeException ignored) {
        // stream closed
      }
    }, "sse-reader");
    reader.setDaemon(true);
    reader.start();
    String path = endpoint.poll(30, TimeUnit.SECONDS);
    if (path == null) {
      throw new AssertionError("no endpoint event on /sse");
    }
    sseMessageUrl = path;
  }

  String sseMessagePath() {
    return sseMessageUrl;
  }

  JsonNode sseRequest(String method, Object params) throws Exception {
    int id = ids.incrementAndGet();
    HttpResponse<String> posted = post(sseMessageUrl, json(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params)),
        Map.of());
    if (posted.statusCode() != 200) {
      throw new AssertionError(method + " over SSE: HTTP " + posted.statusCode() + " " + posted.body());
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      JsonNode m = sseMessages.poll(1, TimeUnit.SECONDS);
      if (m != null && m.has("id") && m.get("id").asInt() == id && !m.has("method")) {
        return m;
      }
    }
    throw new AssertionError("no answer to " + method + " on the SSE stream");
  }

  JsonNode sseInitialize() throws Exception {
    JsonNode init = sseRequest("initialize", initializeParams());
    post(sseMessageUrl, json(Map.of("jsonrpc", "2.0", "method", "notifications/initialized")), Map.of());
    return init;
  }

  private static Map<String, Object> initializeParams() {
    return Map.of("protocolVersion", PROTOCOL, "capabilities", Map.of(), "clientInfo", Map.of("name", "http-e2e", "version", "1"));
  }

  private static String json(Object value) {
    return McpProcess.JSON.writeValueAsString(value);
  }

  @Override
  public void close() {
    if (sseLines != null) {
      sseLines.close();
    }
  }
}
