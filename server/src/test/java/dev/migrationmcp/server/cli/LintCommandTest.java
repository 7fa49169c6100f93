package dev.migrationmcp.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LintCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    return new Run(code, out.toString(StandardCharsets.UTF_8));
  }

  private Path file(String name, String sql) throws IOException {
    return Files.writeString(dir.resolve(name), sql);
  }

  @Test
  void exitsZeroOnWarningsAndOneWhenTheyAreTheThreshold() throws IOException {
    Path f = file("V1__index.sql", "SET lock_timeout = '1s';\nCREATE INDEX a_idx ON a (b);\n");
    Run text = run("lint", f.toString(), "--project", dir.toString());
    assertEquals(0, text.code());
    assertTrue(text.out().contains("create-index-non-concurrently"));
    assertTrue(text.out().contains("^"));
    assertEquals(1, run("lint", f.toString(), "--fail-on", "warning", "--project", dir.toString()).code());
  }

  @Test
  void exitsOneOnErrors() throws IOException {
    Path f = file("V2__nn.sql", "SET lock_timeout = '1s';\nALTER TABLE a ADD COLUMN b text NOT NULL;\n");
    assertEquals(1, run("lint", f.toString(), "--project", dir.toString()).code());
  }

  @Test
  void exitsTwoOnBadInput() {
    assertEquals(2, run("lint", dir.resolve("missing.sql").toString(), "--project", dir.toString()).code());
    assertEquals(2, run("lint", dir.toString(), "--format", "xml", "--project", dir.toString()).code());
  }

  @Test
  void writesSarifThatCodeScanningReads() throws IOException {
    Path f = file("V3__idx.sql", "CREATE INDEX a_idx ON a (b);\n");
    Run sarif = run("lint", f.toString(), "--format", "sarif", "--project", dir.toString());
    JsonNode root = JsonMapper.shared().readTree(sarif.out());
    assertEquals("2.1.0", root.path("version").asString());
    JsonNode run = root.path("runs").get(0);
    assertEquals("migration-mcp", run.path("tool").path("driver").path("name").asString());
    JsonNode result = run.path("results").get(0);
    assertTrue(result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt() >= 1);
    assertTrue(run.path("tool").path("driver").path("rules").get(0).path("helpUri").asString().endsWith(".md"));
  }

  @Test
  void honoursTheProjectConfiguration() throws IOException {
    Files.writeString(dir.resolve(".migration-mcp.toml"), "[rules]\ndisable = [\"create-index-non-concurrently\", \"missing-lock-timeout\"]\n");
    Path f = file("V4__idx.sql", "CREATE INDEX a_idx ON a (b);\n");
    Run text = run("lint", f.toString(), "--project", dir.toString());
    assertTrue(!text.out().contains("create-index-non-concurrently") && !text.out().contains("missing-lock-timeout"),
        text.out());
    Files.writeString(dir.resolve(".migration-mcp.toml"), "[rules]\ndisable = [\"no-such-rule\"]\n");
    assertEquals(2, run("lint", f.toString(), "--project", dir.toString()).code());
  }
}
