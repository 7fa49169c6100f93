package dev.migrationmcp.tools.sql.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationmcp.tools.sql.model.SqlType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeReaderTest {

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of("int", "integer", List.of(), 0, false),
        Arguments.of("INT4", "integer", List.of(), 0, false),
        Arguments.of("integer", "integer", List.of(), 0, false),
        Arguments.of("int2", "smallint", List.of(), 0, false),
        Arguments.of("int8", "bigint", List.of(), 0, false),
        Arguments.of("serial", "integer", List.of(), 0, true),
        Arguments.of("serial4", "integer", List.of(), 0, true),
        Arguments.of("bigserial", "bigint", List.of(), 0, true),
        Arguments.of("serial8", "bigint", List.of(), 0, true),
        Arguments.of("smallserial", "smallint", List.of(), 0, true),
        Arguments.of("varchar(20)", "character varying", List.of("20"), 0, false),
        Arguments.of("character varying(255)", "character varying", List.of("255"), 0, false),
        Arguments.of("char varying", "character varying", List.of(), 0, false),
        Arguments.of("varchar", "character varying", List.of(), 0, false),
        Arguments.of("char(2)", "character", List.of("2"), 0, false),
        Arguments.of("character", "character", List.of(), 0, false),
        Arguments.of("bpchar", "character", List.of(), 0, false),
        Arguments.of("\"char\"", "char", List.of(), 0, false),
        Arguments.of("text", "text", List.of(), 0, false),
        Arguments.of("text[]", "text", List.of(), 1, false),
        Arguments.of("int[][]", "integer", List.of(), 2, false),
        Arguments.of("integer ARRAY", "integer", List.of(), 1, false),
        Arguments.of("integer ARRAY[4]", "integer", List.of(), 1, false),
        Arguments.of("int[3]", "integer", List.of(), 1, false),
        Arguments.of("timestamp", "timestamp without time zone", List.of(), 0, false),
        Arguments.of("timestamp without time zone", "timestamp without time zone", List.of(), 0, false),
        Arguments.of("timestamp(3) with time zone", "timestamp with time zone", List.of("3"), 0, false),
        Arguments.of("timestamptz", "timestamp with time zone", List.of(), 0, false),
        Arguments.of("timestamptz(6)", "timestamp with time zone", List.of("6"), 0, false),
        Arguments.of("time with time zone", "time with time zone", List.of(), 0, false),
        Arguments.of("timetz", "time with time zone", List.of(), 0, false),
        Arguments.of("time", "time without time zone", List.of(), 0, false),
        Arguments.of("interval", "interval", List.of(), 0, false),
        Arguments.of("interval day to second(3)", "interval day to second", List.of("3"), 0, false),
        Arguments.of("double precision", "double precision", List.of(), 0, false),
        Arguments.of("float8", "double precision", List.of(), 0, false),
        Arguments.of("float", "double precision", List.of(), 0, false),
        Arguments.of("float(10)", "real", List.of(), 0, false),
        Arguments.of("float4", "real", List.of(), 0, false),
        Arguments.of("decimal(10, 2)", "numeric", List.of("10", "2"), 0, false),
        Arguments.of("numeric", "numeric", List.of(), 0, false),
        Arguments.of("bool", "boolean", List.of(), 0, false),
        Arguments.of("bit varying(8)", "bit varying", List.of("8"), 0, false),
        Arguments.of("varbit", "bit varying", List.of(), 0, false),
        Arguments.of("jsonb", "jsonb", List.of(), 0, false),
        Arguments.of("json", "json", List.of(), 0, false),
        Arguments.of("uuid", "uuid", List.of(), 0, false),
        Arguments.of("pg_catalog.int4", "integer", List.of(), 0, false),
        Arguments.of("geometry(Point, 4326)", "geometry", List.of("Point", "4326"), 0, false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("types")
  void normalisesTypeNames(String text, String name, List<String> modifiers, int dimensions, boolean serial) {
    TokenCursor c = new TokenCursor(text);
    SqlType type = TypeReader.read(c);
    assertEquals(name, type.name());
    assertEquals(modifiers, type.modifiers());
    assertEquals(dimensions, type.arrayDimensions());
    assertEquals(serial, type.serial());
    assertEquals(text, type.text());
    assertEquals(null, type.schema());
    c.expectEnd();
  }

  @ParameterizedTest
  @MethodSource("qualified")
  void keepsUserTypeSchema(String text, String schema, String name) {
    SqlType type = TypeReader.read(new TokenCursor(text));
    assertEquals(schema, type.schema());
    assertEquals(name, type.name());
  }

  static Stream<Arguments> qualified() {
    return Stream.of(
        Arguments.of("app.mood", "app", "mood"),
        Arguments.of("\"App\".\"Mood\"[]", "App", "Mood"),
        Arguments.of("public.citext", "public", "citext"),
        Arguments.of("mood", null, "mood"));
  }
}
