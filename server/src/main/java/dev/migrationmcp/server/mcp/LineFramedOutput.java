package dev.migrationmcp.server.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The only writer of the real stdout. The SDK writes a message and its newline in separate calls
 * and the line guard writes its own error answers; buffering each line and writing it whole under
 * one lock keeps the two from interleaving. Responses seen here are ticked off in
 * {@link PendingRequests}.
 */
final class LineFramedOutput extends OutputStream {
  private final OutputStream out;
  private final PendingRequests pending;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
  private final java.util.Set<String> answeredEarly = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** The SDK's response with this id was already sent by {@link EarlyInitialize}: drop it. */
  void answeredEarly(String id) {
    answeredEarly.add(id);
  }

  LineFramedOutput(OutputStream out, PendingRequests pending) {
    this.out = out;
    this.pending = pending;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        line.write(b, start, i - start + 1);
        emit();
        start = i + 1;
      }
    }
    line.write(b, start, off + len - start);
  }

  /** Writes one complete JSON-RPC message line of our own. */
  synchronized void writeLine(String json) throws IOException {
    out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void emit() throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    String id = responseId(bytes);
    if (id != null && answeredEarly.remove(id)) {
      pending.answered(id);
      return;
    }
    out.write(bytes);
    out.flush();
    if (id != null) {
      pending.answered(id);
    }
  }

  /** The id of a response line, or null for requests and notifications. */
  private static String responseId(byte[] bytes) {
    try {
      JsonNode node = Json.WIRE.readTree(bytes);
      if (node.has("id") && (node.has("result") || node.has("error"))) {
        return node.get("id").toString();
      }
    } catch (RuntimeException ignored) {
      // Not ours to judge: the SDK wrote it.
    }
    return null;
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }
}
