package dev.migrationmcp.server.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Stands between stdin and the SDK's stdio transport. The SDK ends the whole session on a line it
 * cannot deserialize; this guard answers such a line itself — {@code -32700} for text that is not
 * JSON, {@code -32600} for JSON that is not a JSON-RPC 2.0 message or a line over the size limit
 * — and forwards only well-formed messages, so one bad line never takes the server down.
 */
final class JsonRpcLineGuard {
  /** A line longer than this is refused, not buffered: 16 MiB holds any real migration. */
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  private final InputStream in;
  private final OutputStream toSdk;
  private final LineFramedOutput out;
  private final PendingRequests pending;
  private final EarlyInitialize early;
  private boolean initializeSeen;

  JsonRpcLineGuard(InputStream in, OutputStream toSdk, LineFramedOutput out, PendingRequests pending) {
    this(in, toSdk, out, pending, null);
  }

  /** @param early answers the first initialize at once, or null to leave it to the SDK */
  JsonRpcLineGuard(InputStream in, OutputStream toSdk, LineFramedOutput out, PendingRequests pending,
      EarlyInitialize early) {
    this.in = in;
    this.toSdk = toSdk;
    this.out = out;
    this.pending = pending;
    this.early = early;
  }

  /** Pumps lines until stdin ends. */
  void run() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    boolean oversized = false;
    byte[] buffer = new byte[65536];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buffer[i] != '\n') {
          continue;
        }
        if (!oversized && line.size() + (i - start) > MAX_LINE_BYTES) {
          oversized = true;
        }
        if (!oversized) {
          line.write(buffer, start, i - start);
        }
        handle(oversized ? null : line.toByteArray(), oversized);
        line.reset();
        oversized = false;
        start = i + 1;
      }
      if (!oversized) {
        line.write(buffer, start, n - start);
        if (line.size() > MAX_LINE_BYTES) {
          oversized = true;
          line.reset();
        }
      }
    }
    if (oversized) {
      handle(null, true);
    } else if (line.size() > 0) {
      handle(line.toByteArray(), false);
    }
  }

  private void handle(byte[] raw, boolean oversized) throws IOException {
    if (oversized) {
      out.writeLine(error(null, -32600, "Invalid Request: message larger than " + MAX_LINE_BYTES + " bytes"));
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(raw)).toString().strip();
    } catch (CharacterCodingException e) {
      out.writeLine(error(null, -32700, "Parse error: the line is not valid UTF-8"));
      return;
    }
    if (text.isEmpty()) {
      return;
    }
    if (early != null && !initializeSeen) {
      EarlyInitialize.Fast fast = early.fast(text);
      if (fast != null) {
        initializeSeen = true;
        pending.sent(fast.id());
        out.answeredEarly(fast.id());
        out.writeLine(fast.answer());
        toSdk.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        toSdk.flush();
        return;
      }
    }
    JsonNode node;
    try {
      node = Json.WIRE.readTree(text);
    } catch (RuntimeException e) {
      out.writeLine(error(null, -32700, "Parse error: the line is not valid JSON"));
      return;
    }
    String problem = problemWith(node);
    if (problem != null) {
      JsonNode id = node != null && node.isObject() ? node.get("id") : null;
      out.writeLine(error(validId(id) ? id : null, -32600, "Invalid Request: " + problem));
      return;
    }
    if (node.has("method") && node.has("id")) {
      pending.sent(node.get("id").toString());
      if (early != null && !initializeSeen && "initialize".equals(node.get("method").asString())) {
        initializeSeen = true;
        String answer = early.answer(node);
        if (answer != null) {
          out.answeredEarly(node.get("id").toString());
          out.writeLine(answer);
        }
      }
    }
    toSdk.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    toSdk.flush();
  }

  /** Why a parsed value is not a single JSON-RPC 2.0 message the SDK can read, or null. */
  private static String problemWith(JsonNode node) {
    if (node == null || !node.isObject()) {
      return node != null && node.isArray() ? "batches are not supported" : "a JSON-RPC message must be an object";
    }
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isString() || !version.asString().equals("2.0")) {
      return "\"jsonrpc\" must be \"2.0\"";
    }
    if (node.has("id") && !validId(node.get("id"))) {
      return "\"id\" must be a string or a number";
    }
    if (node.has("method")) {
      if (!node.get("method").isString()) {
        return "\"method\" must be a string";
      }
      JsonNode params = node.get("params");
      if (params != null && !params.isObject() && !params.isNull()) {
        return "\"params\" must be an object";
      }
      return null;
    }
    if (node.has("id") && (node.has("result") || node.has("error"))) {
      return null;
    }
    return "a message needs \"method\" (request or notification) or \"result\"/\"error\" (response)";
  }

  private static boolean validId(JsonNode id) {
    // The SDK accepts only String, Integer or Long ids and ends the whole session on any other
    // (found by FuzzIT: an id of 99999999999999999999999999 killed the server), so a number must fit a long.
    return id != null && (id.getNodeType() == JsonNodeType.STRING || id.isIntegralNumber() && id.canConvertToLong());
  }

  private static String error(JsonNode id, int code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("jsonrpc", "2.0");
    response.put("id", id);
    response.put("error", error);
    return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(response);
  }
}
