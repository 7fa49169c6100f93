package dev.migrationmcp.server.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server as Claude Code runs it: {@code bin/migration-mcp serve} in a subprocess, spoken to
 * line by line over its stdin/stdout. Every stdout line must be JSON-RPC; stderr is kept apart.
 */
final class McpProcess implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.shared();

  final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final List<String> nonJsonLines = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  final Path stderrFile;

  private McpProcess(Process process, Path stderrFile) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.stderrFile = stderrFile;
    Thread reader = new Thread(this::readStdout, "mcp-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static Path home() {
    return Path.of(System.getProperty("migrationmcp.home", "..")).toAbsolutePath().normalize();
  }

  /** Copies the bundled sample shop migrations into {@code project}/db/migration. */
  static void copySampleProject(Path project) throws IOException {
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    try (var files = Files.list(home().resolve("examples/shop/db/migration"))) {
      for (Path f : files.toList()) {
        Files.copy(f, migrations.resolve(f.getFileName()));
      }
    }
  }

  static McpProcess start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(home().resolve("bin/migration-mcp").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("DATABASE_URL");
    pb.environment().remove("FLYWAY_URL");
    pb.environment().put("MIGRATION_MCP_CDS", "0");
    pb.environment().putAll(env);
    Path stderr = Files.createTempFile("mcp-stderr", ".log");
    pb.redirectError(stderr.toFile());
    return new McpProcess(pb.start(), stderr);
  }

  private void readStdout() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        try {
          messages.add(JSON.readTree(line));
        } catch (RuntimeException e) {
          synchronized (nonJsonLines) {
            nonJsonLines.add(line);
          }
        }
      }
    } catch (IOException ignored) {
      // process ended
    }
  }

  List<String> nonJsonLines() {
    synchronized (nonJsonLines) {
      return List.copyOf(nonJsonLines);
    }
  }

  void sendLine(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** Writes raw bytes (not necessarily UTF-8, not necessarily one line) to the server's stdin. */
  void sendBytes(byte[] bytes) throws IOException {
    stdin.write(bytes);
    stdin.flush();
  }

  void closeStdin() throws IOException {
    stdin.close();
  }

  /** Sends a request and waits for its response, collecting notifications that arrive meanwhile. */
  JsonNode request(String method, Object params, List<JsonNode> notifications, Duration timeout) throws Exception {
    int id = ids.incrementAndGet();
    sendLine(JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params)));
    return awaitResponse(id, notifications, timeout);
  }

  /** Sends a request with an explicit id (any JSON value) without waiting. */
  int send(String method, Object params) throws IOException {
    int id = ids.incrementAndGet();
    sendLine(JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params)));
    return id;
  }

  JsonNode request(String method, Object params) throws Exception {
    return request(method, params, new ArrayList<>(), Duration.ofSeconds(60));
  }

  void notify(String method) throws IOException {
    sendLine("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}");
  }

  JsonNode awaitResponse(Object id, List<JsonNode> notifications, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode message = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new AssertionError("no response to request " + id + " within " + timeout + "; stderr:\n" + stderr());
      }
      JsonNode messageId = message.get("id");
      if (messageId != null && !message.has("method") && messageId.asString().equals(String.valueOf(id))) {
        return message;
      }
      if (messageId == null && id == null && message.has("error")) {
        return message;
      }
      if (messageId != null && messageId.isNull() && id == null) {
        return message;
      }
      notifications.add(message);
    }
  }

  JsonNode initialize() throws Exception {
    JsonNode response = request("initialize", Map.of(
        "protocolVersion", "2025-11-25",
        "capabilities", Map.of(),
        "clientInfo", Map.of("name", "e2e-test", "version", "1")));
    notify("notifications/initialized");
    return response;
  }

  JsonNode callTool(String name, Map<String, Object> arguments, List<JsonNode> notifications) throws Exception {
    return request("tools/call", Map.of("name", name, "arguments", arguments, "_meta", Map.of("progressToken", "p-" + name)),
        notifications, Duration.ofMinutes(3));
  }

  String stderr() throws IOException {
    return Files.readString(stderrFile);
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("server did not exit within " + timeout);
    }
    return process.exitValue();
  }

  /**
   * Stops the server the way a client does (SIGTERM, so it stops its embedded PostgreSQL), and
   * only then forcibly.
   */
  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    Files.deleteIfExists(stderrFile);
  }

  /** The port of the embedded PostgreSQL this server started, from its log line. */
  int embeddedPort() throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("embedded PostgreSQL ready on port (\\d+)").matcher(stderr());
    if (!m.find()) {
      throw new AssertionError("the server did not log its embedded PostgreSQL port:\n" + stderr());
    }
    return Integer.parseInt(m.group(1));
  }

  /** Waits for the "listening on" line a {@code serve --http} server prints once Jetty is bound; its base URL. */
  String httpBaseUrl() throws IOException, InterruptedException {
    java.util.regex.Pattern listening = java.util.regex.Pattern.compile("listening on (http://[^/\\s]+)/mcp");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      java.util.regex.Matcher m = listening.matcher(stderr());
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new AssertionError("server exited with " + process.exitValue() + ":\n" + stderr());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("server did not report its port:\n" + stderr());
  }

  /**
   * Bytes of live objects on the server's heap, read with {@code jcmd GC.class_histogram} (which
   * runs a full collection first): garbage does not count, so before/after figures compare.
   */
  long liveHeapBytes() throws IOException, InterruptedException {
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.class_histogram")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    java.util.regex.Matcher total = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(out);
    if (!total.find()) {
      throw new AssertionError("jcmd gave no heap histogram: " + out.lines().limit(5).toList());
    }
    return Long.parseLong(total.group(1));
  }

  /** The embedded PostgreSQL this server started, found by the port it logged (PostgreSQL daemonizes). */
  List<ProcessHandle> embeddedPostgres() throws IOException {
    String port = " -p " + embeddedPort() + " ";
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("migration-mcp-pg-"))
        .filter(p -> p.info().commandLine().orElse("").contains(port))
        .toList();
  }
}
