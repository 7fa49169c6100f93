package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.db.EmbeddedDataDirectory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, SIGKILL of a server on the embedded default: its PostgreSQL outlives it (nothing can
 * stop it from a killed JVM), so the next start of any server must stop that cluster and delete
 * its data directory.
 */
class OrphanEmbeddedIT {
  @TempDir Path project;

  @Test
  void theNextStartStopsTheEmbeddedPostgresOfAKilledServer() throws Exception {
    McpProcess.copySampleProject(project);
    Path dataDir;
    ProcessHandle postmaster;
    try (McpProcess killed = McpProcess.start(Map.of(), "serve", "--project", project.toString())) {
      killed.initialize();
      JsonNode answer = killed.callTool("inspect_schema", Map.of(), new ArrayList<>());
      assertFalse(answer.path("result").path("isError").asBoolean(), answer.toString());
      dataDir = dataDirOwnedBy(killed.process.pid()).orElseThrow(
          () -> new AssertionError("no embedded cluster is recorded as owned by the server"));
      postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()))
          .orElseThrow(() -> new AssertionError("the embedded postmaster does not run"));
      killed.process.destroyForcibly();
      killed.awaitExit(Duration.ofSeconds(10));
    }
    Thread.sleep(500);
    assertTrue(postmaster.isAlive(), "a killed server's PostgreSQL outlives it (the case this test is about)");

    try (McpProcess next = McpProcess.start(Map.of(), "serve", "--project", project.toString())) {
      next.initialize();
      JsonNode answer = next.callTool("inspect_schema", Map.of(), new ArrayList<>());
      assertFalse(answer.path("result").path("isError").asBoolean(), answer.toString());
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (postmaster.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(postmaster.isAlive(), "the orphan postmaster was stopped at the next start");
      assertFalse(Files.exists(dataDir), "its data directory was deleted");
    }
  }

  private static Optional<Path> dataDirOwnedBy(long pid) throws Exception {
    for (Path dir : EmbeddedDataDirectory.candidates()) {
      try (DirectoryStream<Path> owners = Files.newDirectoryStream(dir, "migration-mcp-pg-*.owner")) {
        for (Path owner : owners) {
          if (Files.readString(owner).startsWith(pid + " ")) {
            String name = owner.getFileName().toString();
            return Optional.of(owner.resolveSibling(name.substring(0, name.length() - ".owner".length())));
          }
        }
      }
    }
    return Optional.empty();
  }
}
