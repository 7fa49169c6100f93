package dev.migrationmcp.tools.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL connection target parsed from either a {@code jdbc:postgresql://…} URL or a
 * libpq-style {@code postgres://user:pass@host:port/db} URL.
 *
 * <p>The password is kept apart from everything printable: {@link #toString()}, {@link
 * #describe()} and {@link #jdbcUrl()} never contain it, so a URL can be logged or put in an
 * error message without leaking a secret.
 */
public final class DatabaseUrl {
  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private final Map<String, String> parameters;

  private DatabaseUrl(
      String host, int port, String database, String user, String password, Map<String, String> parameters) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.parameters = Map.copyOf(parameters);
  }

  /** Builds a target on 127.0.0.1 (used for the embedded server). */
  public static DatabaseUrl local(int port, String database, String user) {
    return new DatabaseUrl("127.0.0.1", port, database, user, null, Map.of());
  }

  /**
   * Parses a URL.
   *
   * @throws IllegalArgumentException naming the problem, with the password masked
   */
  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("database URL is empty");
    }
    String trimmed = url.trim();
    String rest;
    if (trimmed.startsWith("jdbc:postgresql://")) {
      rest = trimmed.substring("jdbc:postgresql://".length());
    } else if (trimmed.startsWith("postgres://")) {
      rest = trimmed.substring("postgres://".length());
    } else if (trimmed.startsWith("postgresql://")) {
      rest = trimmed.substring("postgresql://".length());
    } else {
      throw new IllegalArgumentException(
          "unsupported database URL '" + redact(trimmed)
              + "': expected jdbc:postgresql://host:port/db or postgres://user:pass@host:port/db");
    }
    URI uri;
    try {
      uri = new URI("postgres://" + rest);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed database URL '" + redact(trimmed) + "': " + e.getReason());
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      host = "localhost";
    }
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.put(key, value);
      }
    }
    String user = params.remove("user");
    String password = params.remove("password");
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      if (colon >= 0) {
        password = decode(info.substring(colon + 1));
      }
    }
    if (database.isEmpty()) {
      database = user != null ? user : "postgres";
    }
    return new DatabaseUrl(host, port, database, user, password, params);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Masks any password in a raw URL string (userinfo or {@code password=} parameter). */
  public static String redact(String raw) {
    if (raw == null) {
      return null;
    }
    return raw.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** Same server, another database (used for shadow clones and template builds). */
  public DatabaseUrl withDatabase(String otherDatabase) {
    return new DatabaseUrl(host, port, otherDatabase, user, password, parameters);
  }

  /** Fills in user and password where the URL has none (Flyway's FLYWAY_USER/FLYWAY_PASSWORD). */
  public DatabaseUrl withCredentials(String fallbackUser, String fallbackPassword) {
    return new DatabaseUrl(
        host, port, database,
        user != null ? user : fallbackUser,
        password != null ? password : fallbackPassword,
        parameters);
  }

  /** The JDBC URL without credentials; pass {@link #connectionProperties()} alongside. */
  public String jdbcUrl() {
    StringBuilder sb = new StringBuilder("jdbc:postgresql://");
    sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(database);
    if (!parameters.isEmpty()) {
      StringBuilder q = new StringBuilder();
      parameters.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
      sb.append(q);
    }
    return sb.toString();
  }

  /** User, password and a recognisable application name for pg_stat_activity. */
  public Properties connectionProperties() {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "migration-mcp");
    props.setProperty("connectTimeout", "10");
    return props;
  }

  /** {@code host:port/database} — safe to print. */
  public String describe() {
    return host + ":" + port + "/" + database;
  }

  public String host() { return host; }

  public int port() { return port; }

  public String database() { return database; }

  public String user() { return user; }

  /** The password, for code that must hand it to a driver (Flyway); never print it. */
  public String password() { return password; }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatabaseUrl other
        && host.equals(other.host) && port == other.port && database.equals(other.database)
        && Objects.equals(user, other.user) && Objects.equals(password, other.password)
        && parameters.equals(other.parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, database, user);
  }
}
