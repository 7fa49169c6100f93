package dev.migrationmcp.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every subcommand with {@code --format text|json} refuses another value the same way, before doing anything. */
class TextOrJsonTest {
  @TempDir Path project;

  @ParameterizedTest
  @ValueSource(strings = {"inspect", "search", "status", "dry-run"})
  void anUnknownFormatIsAUsageErrorNamingTheValue(String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = command.equals("search")
        ? new String[] {command, "anything", "--format", "xml", "--project", project.toString()}
        : new String[] {command, "--format", "xml", "--project", project.toString()};
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--format must be text or json, got 'xml'"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on stdout");
  }
}
