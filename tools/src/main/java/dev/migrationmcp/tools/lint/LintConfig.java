package dev.migrationmcp.tools.lint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Per-project lint settings from {@code .migration-mcp.toml}, or the {@code [migration-mcp]}
 * table of {@code flyway.toml}:
 *
 * <pre>
 * [rules]
 * disable = ["prefer-text-over-varchar"]
 * enable = ["schema-qualified-names"]        # opt-in rules
 * [rules.severity]
 * drop-column = "error"
 * [thresholds]
 * small_rows = 10000
 * small_bytes = "10MB"
 * large_rows = 1000000
 * large_bytes = "1GB"
 * [postgres]
 * version = 15
 * </pre>
 *
 * A bad value is an error naming the key and the file.
 */
public final class LintConfig {
  private LintConfig() {}

  /** The project's settings on top of the defaults (which apply when there is no file). */
  public static LintSettings load(Path projectDir) {
    Path own = projectDir.resolve(".migration-mcp.toml");
    Path flyway = projectDir.resolve("flyway.toml");
    try {
      if (Files.isRegularFile(own)) {
        return from(new TomlMapper().readTree(own.toFile()), own);
      }
      if (Files.isRegularFile(flyway)) {
        JsonNode section = new TomlMapper().readTree(flyway.toFile()).path("migration-mcp");
        if (!section.isMissingNode()) {
          return from(section, flyway);
        }
      }
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException("cannot parse " + (Files.isRegularFile(own) ? own : flyway) + ": "
          + e.getMessage(), e);
    }
    return LintSettings.defaults();
  }

  static LintSettings from(JsonNode root, Path file) {
    Set<String> disabled = strings(root.path("rules").path("disable"), "rules.disable", file);
    Set<String> enabled = strings(root.path("rules").path("enable"), "rules.enable", file);
    Map<String, Severity> severities = new HashMap<>();
    JsonNode sev = root.path("rules").path("severity");
    for (Map.Entry<String, JsonNode> e : sev.properties()) {
      try {
        severities.put(e.getKey(), Severity.parse(e.getValue().asString()));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(file + ": rules.severity." + e.getKey() + ": " + ex.getMessage());
      }
    }
    Thresholds d = Thresholds.DEFAULT;
    JsonNode t = root.path("thresholds");
    Thresholds thresholds = new Thresholds(
        number(t.path("small_rows"), d.smallRows(), "thresholds.small_rows", file),
        bytes(t.path("small_bytes"), d.smallBytes(), "thresholds.small_bytes", file),
        number(t.path("large_rows"), d.largeRows(), "thresholds.large_rows", file),
        bytes(t.path("large_bytes"), d.largeBytes(), "thresholds.large_bytes", file));
    int version = (int) number(root.path("postgres").path("version"), LintSettings.DEFAULT_PG_VERSION,
        "postgres.version", file);
    return new LintSettings(version, disabled, enabled, severities, thresholds, true);
  }

  private static Set<String> strings(JsonNode node, String key, Path file) {
    Set<String> out = new HashSet<>();
    if (node.isMissingNode()) {
      return out;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(file + ": " + key + " must be an array of rule ids");
    }
    node.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static long number(JsonNode node, long fallback, String key, Path file) {
    if (node.isMissingNode()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || node.asLong() < 0) {
      throw new IllegalArgumentException(file + ": " + key + " must be a whole number, got " + node);
    }
    return node.asLong();
  }

  /** {@code 1048576}, {@code "10MB"}, {@code "1 GB"}, {@code "512kB"}. */
  static long bytes(JsonNode node, long fallback, String key, Path file) {
    if (node.isMissingNode()) {
      return fallback;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    String text = node.asString().strip().toUpperCase(Locale.ROOT).replace(" ", "");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(B|KB|MB|GB|TB)?").matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(file + ": " + key + " must be a size like \"10MB\" or \"1GB\", got " + node);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    return switch (unit) {
      case "KB" -> n << 10;
      case "MB" -> n << 20;
      case "GB" -> n << 30;
      case "TB" -> n << 40;
      default -> n;
    };
  }

}
