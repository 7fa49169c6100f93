package dev.migrationmcp.tools.flyway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway stores in {@code flyway_schema_history.checksum} for a SQL migration, computed
 * the way Flyway's {@code ChecksumCalculator} does: a CRC-32 over the UTF-8 bytes of each line,
 * line terminators ({@code \n}, {@code \r}, {@code \r\n}) left out and a byte order mark removed
 * from the first line, so the value does not depend on line endings. Versioned migrations are
 * checksummed before placeholder replacement, which is what this computes.
 */
public final class FlywayChecksum {
  private FlywayChecksum() {}

  /** The checksum of a migration file's decoded text. */
  public static int of(String content) {
    if (content == null) {
      throw new IllegalArgumentException("content must not be null");
    }
    CRC32 crc = new CRC32();
    try (BufferedReader reader = new BufferedReader(new StringReader(content), 4096)) {
      String line = reader.readLine();
      if (line != null && !line.isEmpty() && line.charAt(0) == '\ufeff') {
        line = line.substring(1);
      }
      for (; line != null; line = reader.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a string: " + e.getMessage(), e);
    }
    return (int) crc.getValue();
  }
}
