package dev.migrationmcp.tools.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the catalog queries kept as {@code catalog/*.sql} resources next to this class. */
final class CatalogSql {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private CatalogSql() {}

  static String get(String name) {
    return CACHE.computeIfAbsent(name, CatalogSql::load);
  }

  private static String load(String name) {
    try (InputStream in = CatalogSql.class.getResourceAsStream("catalog/" + name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("missing catalog query " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
