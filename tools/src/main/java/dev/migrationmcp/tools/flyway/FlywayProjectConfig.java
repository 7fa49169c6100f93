package dev.migrationmcp.tools.flyway;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The settings a Flyway user already wrote down: {@code flyway.conf} (properties) or {@code
 * flyway.toml} (Flyway 10+ TOML, {@code [environments.default]} and {@code [flyway]} tables) in
 * the project directory. Only what this server needs is read: url, user, password, locations.
 */
public final class FlywayProjectConfig {
  private final Map<String, String> values;
  private final Path source;

  private FlywayProjectConfig(Map<String, String> values, Path source) {
    this.values = Map.copyOf(values);
    this.source = source;
  }

  /** An empty configuration (no file). */
  public static FlywayProjectConfig none() {
    return new FlywayProjectConfig(Map.of(), null);
  }

  /** Reads {@code flyway.toml} or {@code flyway.conf} (also under {@code conf/}) in {@code projectDir}. */
  public static FlywayProjectConfig load(Path projectDir) {
    for (Path candidate : List.of(
        projectDir.resolve("flyway.toml"), projectDir.resolve("conf/flyway.toml"))) {
      if (Files.isRegularFile(candidate)) {
        return fromToml(candidate);
      }
    }
    for (Path candidate : List.of(
        projectDir.resolve("flyway.conf"), projectDir.resolve("conf/flyway.conf"))) {
      if (Files.isRegularFile(candidate)) {
        return fromProperties(candidate);
      }
    }
    return none();
  }

  private static FlywayProjectConfig fromProperties(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : List.of("url", "user", "password", "locations")) {
      String v = props.getProperty("flyway." + key);
      if (v != null && !v.isBlank()) {
        values.put(key, v.trim());
      }
    }
    return new FlywayProjectConfig(values, file);
  }

  private static FlywayProjectConfig fromToml(Path file) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(file.toFile());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot parse " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    String environment = text(root.path("flyway").path("environment")).orElse("default");
    JsonNode env = root.path("environments").path(environment);
    text(env.path("url")).ifPresent(v -> values.put("url", v));
    text(env.path("user")).ifPresent(v -> values.put("user", v));
    text(env.path("password")).ifPresent(v -> values.put("password", v));
    JsonNode locations = root.path("flyway").path("locations");
    if (locations.isArray()) {
      StringBuilder sb = new StringBuilder();
      locations.forEach(l -> sb.append(sb.length() == 0 ? "" : ",").append(l.asString()));
      values.put("locations", sb.toString());
    } else {
      text(locations).ifPresent(v -> values.put("locations", v));
    }
    return new FlywayProjectConfig(values, file);
  }

  private static Optional<String> text(JsonNode node) {
    return node.isValueNode() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
  }

  public Optional<String> url() { return Optional.ofNullable(values.get("url")); }

  public Optional<String> user() { return Optional.ofNullable(values.get("user")); }

  public Optional<String> password() { return Optional.ofNullable(values.get("password")); }

  public Optional<String> locations() { return Optional.ofNullable(values.get("locations")); }

  /** The file the values came from, if any. */
  public Optional<Path> source() { return Optional.ofNullable(source); }
}
