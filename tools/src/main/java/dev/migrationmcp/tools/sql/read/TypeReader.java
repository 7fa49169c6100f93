package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a data type and normalises its name to what {@code format_type} shows: aliases
 * ({@code int4}, {@code varchar}, {@code timestamptz}, {@code bool}) become the SQL-standard
 * spelling, serial types become their integer type with the serial flag.
 */
final class TypeReader {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
      Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
      Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
      Map.entry("float4", "real"), Map.entry("real", "real"),
      Map.entry("float8", "double precision"),
      Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
      Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
      Map.entry("varchar", "character varying"),
      Map.entry("bpchar", "character"), Map.entry("nchar", "character"),
      Map.entry("timestamptz", "timestamp with time zone"),
      Map.entry("timetz", "time with time zone"),
      Map.entry("varbit", "bit varying"),
      Map.entry("dec", "numeric"));

  private static final Map<String, String> SERIALS = Map.of(
      "serial", "integer", "serial4", "integer", "bigserial", "bigint", "serial8", "bigint",
      "smallserial", "smallint", "serial2", "smallint");

  private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second");

  private TypeReader() {}

  static SqlType read(TokenCursor c) {
    int start = c.position();
    SqlToken first = c.peek();
    if (!first.isIdentifier()) {
      throw c.error("a data type");
    }
    String schema = null;
    String name;
    List<String> modifiers = new ArrayList<>();
    boolean serial = false;
    boolean quoted = first.type() == TokenType.QUOTED_IDENTIFIER;
    String word = quoted ? "" : first.value();
    if (c.accept("double", "precision")) {
      name = "double precision";
    } else if (word.equals("character") || word.equals("char") || word.equals("national")) {
      c.accept("national");
      if (!c.accept("character")) {
        c.accept("char");
      }
      name = c.accept("varying") ? "character varying" : "character";
      modifiers = modifiers(c);
    } else if (word.equals("bit")) {
      c.next();
      name = c.accept("varying") ? "bit varying" : "bit";
      modifiers = modifiers(c);
    } else if (word.equals("timestamp") || word.equals("time")) {
      c.next();
      modifiers = modifiers(c);
      String zone = " without time zone";
      if (c.accept("with", "time", "zone")) {
        zone = " with time zone";
      } else {
        c.accept("without", "time", "zone");
      }
      name = word + zone;
    } else if (word.equals("interval")) {
      c.next();
      StringBuilder fields = new StringBuilder("interval");
      while (INTERVAL_FIELDS.contains(c.word()) || (c.at("to") && INTERVAL_FIELDS.contains(c.word(1)))) {
        fields.append(' ').append(c.next().value());
      }
      name = fields.toString();
      modifiers = modifiers(c);
    } else {
      String part = c.identifier("a data type");
      if (c.atSymbol(".") && c.peek(1).isIdentifier()) {
        c.next();
        schema = part;
        quoted = c.peek().type() == TokenType.QUOTED_IDENTIFIER;
        part = c.identifier("a data type");
        if (c.atSymbol(".") && c.peek(1).isIdentifier()) {
          c.next();
          schema = part;
          quoted = c.peek().type() == TokenType.QUOTED_IDENTIFIER;
          part = c.identifier("a data type");
        }
      }
      if ("pg_catalog".equals(schema)) {
        schema = null;
      }
      if (schema == null && !(quoted && part.equals("char"))) {
        if (SERIALS.containsKey(part)) {
          serial = true;
          part = SERIALS.get(part);
        } else {
          part = ALIASES.getOrDefault(part, part);
        }
      }
      name = part;
      modifiers = modifiers(c);
      if (schema == null && name.equals("float")) {
        int precision = modifiers.isEmpty() ? 53 : parseOr(modifiers.get(0), 53);
        name = precision <= 24 ? "real" : "double precision";
        modifiers = List.of();
      }
      if (c.at("with", "time", "zone") || c.at("without", "time", "zone")) {
        // timestamptz(3) is not legal, but "timestamp (3) with time zone" came through above.
        c.next();
      }
      if (c.peek().isSymbol("%") || c.peek().text().startsWith("%")) {
        c.next();
        c.accept("type");
        c.accept("rowtype");
      }
    }
    int dimensions = 0;
    while (true) {
      if (c.atSymbol("[")) {
        c.next();
        if (c.peek().type() == TokenType.NUMBER) {
          c.next();
        }
        c.expectSymbol("]");
        dimensions++;
      } else if (c.at("array")) {
        c.next();
        if (c.atSymbol("[")) {
          c.next();
          if (c.peek().type() == TokenType.NUMBER) {
            c.next();
          }
          c.expectSymbol("]");
        }
        dimensions++;
      } else {
        break;
      }
    }
    return new SqlType(schema, name, modifiers, dimensions, serial, c.textSince(start));
  }

  private static List<String> modifiers(TokenCursor c) {
    if (!c.atSymbol("(")) {
      return new ArrayList<>();
    }
    c.next();
    List<String> mods = new ArrayList<>();
    if (c.acceptSymbol(")")) {
      return mods;
    }
    do {
      mods.add(c.expression("a type modifier", Set.of()));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
    return mods;
  }

  private static int parseOr(String s, int fallback) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
