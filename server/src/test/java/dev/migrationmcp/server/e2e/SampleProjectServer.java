package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * One stdio server for a whole test class, on a copy of the bundled sample shop project with the
 * embedded database, initialized and ready for tool calls; stopped and its project deleted after
 * the class. Register it with {@code @RegisterExtension static final SampleProjectServer server = new SampleProjectServer();}.
 */
final class SampleProjectServer implements BeforeAllCallback, AfterAllCallback {
  private Path project;
  private McpProcess server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    project = Files.createTempDirectory("mmcp-it-project");
    McpProcess.copySampleProject(project);
    server = McpProcess.start(Map.of(), "serve", "--project", project.toString());
    server.initialize();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      deleteTree(project);
    }
  }

  /** The project directory the server serves. */
  Path project() {
    return project;
  }

  /** The server process, for what {@link #callTool} does not cover (notifications, stray output). */
  McpProcess process() {
    return server;
  }

  /** The {@code result} of a call of {@code tool}, after checking that the server answered without a protocol error. */
  JsonNode callTool(String tool, Map<String, Object> arguments) throws Exception {
    JsonNode response = server.callTool(tool, arguments, new ArrayList<>());
    assertFalse(response.has("error"), response.toString());
    return response.path("result");
  }

  private static void deleteTree(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
