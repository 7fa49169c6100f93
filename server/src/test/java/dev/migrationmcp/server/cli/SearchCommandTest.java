package dev.migrationmcp.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.config.SettingsResolver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code search} and {@code index} subcommands and the memory directory settings, with byte-array streams. */
class SearchCommandTest {
  @TempDir Path project;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void sample() throws Exception {
    Path m = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(m.resolve("V1__create_users.sql"), "-- legacy_id maps the old system\nCREATE TABLE users (id int, legacy_id int);");
    Files.writeString(m.resolve("V2__drop_users_legacy_id.sql"), "ALTER TABLE users DROP COLUMN legacy_id;");
  }

  @Test
  void searchesAsTextAndJson() throws Exception {
    sample();
    Run text = run("search", "legacy_id", "--operation", "drop_column", "--project", project.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("1 of 1 matches:\n1. V2 drop users legacy id — db/migration/V2__drop_users_legacy_id.sql"), text.out());

    Run json = run("search", "legacy", "--format", "json", "--limit", "1", "--project", project.toString());
    JsonNode answer = JsonMapper.shared().readTree(json.out());
    assertEquals(2, answer.path("total").asInt());
    assertEquals(1, answer.path("hits").size());
    assertTrue(Files.isDirectory(project.resolve(".migration-mcp/index")));
  }

  @Test
  void indexRebuildsAndReports() throws Exception {
    sample();
    Run r = run("index", "--rebuild", "--project", project.toString(), "--index-dir", "tmp/idx");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 documents, 2 (re)indexed, 0 removed, rebuilt"), r.out());
    assertTrue(Files.isDirectory(project.resolve("tmp/idx")));
  }

  @Test
  void badFiltersAreErrorsThatSayWhatToDo() throws Exception {
    sample();
    Run r = run("search", "x", "--operation", "explode", "--project", project.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("operation must be one of create_table"), r.err());
    Run d = run("search", "x", "--since", "yesterday", "--project", project.toString());
    assertTrue(d.err().contains("since must be a date"), d.err());
  }

  @Test
  void memoryDirectoriesDefaultUnderTheProjectAndResolveRelativeToIt() {
    SettingsResolver resolver = new SettingsResolver(Map.of());
    ServerSettings defaults = resolver.resolve(project.toString(), null, null);
    assertEquals(project.resolve(".migration-mcp/index"), defaults.indexDir());
    assertEquals(project.resolve("db/decisions"), defaults.decisionsDir());
    ServerSettings flags = resolver.resolve(project.toString(), null, null, "build/index", "/tmp/adr");
    assertEquals(project.resolve("build/index"), flags.indexDir());
    assertEquals(Path.of("/tmp/adr"), flags.decisionsDir());
  }
}
