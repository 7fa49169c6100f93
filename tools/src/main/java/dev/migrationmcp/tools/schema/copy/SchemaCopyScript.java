package dev.migrationmcp.tools.schema.copy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The ordered DDL that rebuilds a database's schema, and what it leaves out. Its fingerprint
 * covers every statement, so any change to the live schema that the copy would show gives a new
 * one; row counts and data do not enter it.
 */
public record SchemaCopyScript(List<DdlStep> steps, List<SkippedObject> skipped) {
  /** Bump when the generator changes what it emits, so copies built by an older one are rebuilt. */
  private static final String GENERATOR_VERSION = "schema-copy 1";

  public SchemaCopyScript {
    steps = List.copyOf(steps);
    skipped = List.copyOf(skipped);
  }

  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((GENERATOR_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
      for (DdlStep step : steps) {
        sha.update((step.sql() + "\n;\n").getBytes(StandardCharsets.UTF_8));
      }
      for (SkippedObject s : skipped) {
        sha.update(("-- skipped " + s + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The whole script as text, for reading and debugging. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    steps.forEach(s -> sb.append(s.sql()).append(";\n"));
    return sb.toString();
  }
}
