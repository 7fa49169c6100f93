package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN safety invariant 5: a password given in the database or shadow URL appears in no tool
 * answer, no stdout line and no stderr line, whichever tool fails on the unreachable (or refusing)
 * server and however the URL spells it.
 */
class SecretsIT {
  private static final List<String> SECRETS = List.of("secretpw", "s3cr@t!", "s3cr%40t", "shadowpw");

  @TempDir Path project;

  @ParameterizedTest
  @ValueSource(strings = {
      "postgres://user:secretpw@127.0.0.1:1/x",
      "postgresql://user:s3cr%40t!@127.0.0.1:1/x",
      "jdbc:postgresql://127.0.0.1:1/x?user=user&password=secretpw",
      "postgres://root:secretpw@127.0.0.1:5432/mmcp_no_such_database"})
  void noPasswordInAnyAnswerOrLog(String databaseUrl) throws Exception {
    Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(project.resolve("db/migration/V1__t.sql"), "CREATE TABLE t (id int);\n");
    try (McpProcess server = McpProcess.start(Map.of(), "serve", "--project", project.toString(),
        "--database-url", databaseUrl, "--shadow-url", "postgres://shadow:shadowpw@127.0.0.1:1/y")) {
      List<String> answers = new ArrayList<>();
      answers.add(server.initialize().toString());
      List<Map<String, Object>> calls = List.of(
          Map.of("name", "inspect_schema", "arguments", Map.of()),
          Map.of("name", "inspect_schema", "arguments", Map.of("tables", List.of("t"))),
          Map.of("name", "lint_migration", "arguments", Map.of("sql", "ALTER TABLE t ADD COLUMN c int NOT NULL;")),
          Map.of("name", "lint_migration", "arguments", Map.of("path", "db/migration")),
          Map.of("name", "dry_run", "arguments", Map.of("sql", "SELECT 1")),
          Map.of("name", "dry_run", "arguments", Map.of("sql", "SELECT 1", "target", "live")),
          Map.of("name", "dry_run", "arguments", Map.of()),
          Map.of("name", "search_past_migrations", "arguments", Map.of("query", "t")),
          Map.of("name", "record_decision", "arguments", Map.of("title", "Keep t", "decision", "We keep t.")));
      for (Map<String, Object> call : calls) {
        JsonNode response = server.request("tools/call", call, new ArrayList<>(), Duration.ofSeconds(90));
        answers.add(response.toString());
        assertTrue(response.has("result") || response.has("error"), response.toString());
      }
      answers.addAll(server.nonJsonLines());
      String everything = String.join("\n", answers) + "\n" + server.stderr()
          + String.join("\n", Files.readAllLines(Files.list(project.resolve("db/decisions")).findFirst().orElseThrow()));
      for (String secret : SECRETS) {
        assertFalse(everything.contains(secret), "the password " + secret + " leaked:\n" + excerpt(everything, secret));
      }
      assertTrue(everything.contains("127.0.0.1"), "errors still say where: " + answers);
      assertEquals(List.of(), server.nonJsonLines());
    }
  }

  private static String excerpt(String text, String secret) {
    int i = text.indexOf(secret);
    return text.substring(Math.max(0, i - 300), Math.min(text.length(), i + 100));
  }
}
