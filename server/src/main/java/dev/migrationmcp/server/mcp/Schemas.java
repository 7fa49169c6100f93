package dev.migrationmcp.server.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads a tool's JSON schemas from {@code schemas/<tool>.input.json} / {@code .output.json}. */
public final class Schemas {
  private Schemas() {}

  public static String input(String tool) {
    return load(tool + ".input.json");
  }

  public static String output(String tool) {
    return load(tool + ".output.json");
  }

  private static String load(String file) {
    try (InputStream in = Schemas.class.getResourceAsStream("/dev/migrationmcp/server/schemas/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
