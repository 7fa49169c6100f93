package dev.migrationmcp.memory.index;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway script name read the way Flyway reads it: {@code V<version>__<description>.sql}
 * (versioned), {@code U<version>__<description>.sql} (undo) or {@code R__<description>.sql}
 * (repeatable). Underscores in the version become dots ({@code V1_2} is version 1.2) and in the
 * description become spaces.
 *
 * @param type {@code versioned}, {@code undo} or {@code repeatable}
 * @param version the version, null for a repeatable migration
 * @param description words of the description
 */
public record FlywayFileName(String type, String version, String description) {
  private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql", Pattern.CASE_INSENSITIVE);
  private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql", Pattern.CASE_INSENSITIVE);

  /** Parses a file name (not a path); empty for a file Flyway would not run. */
  public static Optional<FlywayFileName> parse(String fileName) {
    Matcher m = VERSIONED.matcher(fileName);
    if (m.matches()) {
      String type = Character.toUpperCase(m.group(1).charAt(0)) == 'U' ? "undo" : "versioned";
      return Optional.of(new FlywayFileName(type, m.group(2).replace('_', '.'), words(m.group(3))));
    }
    Matcher r = REPEATABLE.matcher(fileName);
    if (r.matches()) {
      return Optional.of(new FlywayFileName("repeatable", null, words(r.group(1))));
    }
    return Optional.empty();
  }

  private static String words(String raw) {
    return raw.replace('_', ' ').replaceAll("\\s+", " ").trim();
  }
}
