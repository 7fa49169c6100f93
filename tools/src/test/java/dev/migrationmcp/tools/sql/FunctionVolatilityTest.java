package dev.migrationmcp.tools.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionVolatilityTest {

  static Stream<Arguments> defaults() {
    return Stream.of(
        Arguments.of("0", Volatility.IMMUTABLE),
        Arguments.of("'new'", Volatility.IMMUTABLE),
        Arguments.of("'{}'::jsonb", Volatility.IMMUTABLE),
        Arguments.of("'x'::character varying(20)", Volatility.IMMUTABLE),
        Arguments.of("ARRAY[]::text[]", Volatility.IMMUTABLE),
        Arguments.of("CAST('0' AS numeric(10,2))", Volatility.IMMUTABLE),
        Arguments.of("false", Volatility.IMMUTABLE),
        Arguments.of("NULL", Volatility.IMMUTABLE),
        Arguments.of("lower('X')", Volatility.IMMUTABLE),
        Arguments.of("COALESCE(NULL, 1)", Volatility.IMMUTABLE),
        Arguments.of("'now'::timestamp", Volatility.IMMUTABLE),
        Arguments.of("now()", Volatility.STABLE),
        Arguments.of("NOW()", Volatility.STABLE),
        Arguments.of("pg_catalog.now()", Volatility.STABLE),
        Arguments.of("CURRENT_TIMESTAMP", Volatility.STABLE),
        Arguments.of("current_timestamp(3)", Volatility.STABLE),
        Arguments.of("(now() AT TIME ZONE 'utc')", Volatility.STABLE),
        Arguments.of("timezone('utc', now())", Volatility.STABLE),
        Arguments.of("CURRENT_DATE", Volatility.STABLE),
        Arguments.of("current_user", Volatility.STABLE),
        Arguments.of("'{}'::jsonb || jsonb_build_object('a', 1)", Volatility.STABLE),
        Arguments.of("gen_random_uuid()", Volatility.VOLATILE),
        Arguments.of("uuid_generate_v4()", Volatility.VOLATILE),
        Arguments.of("public.uuid_generate_v4()", Volatility.VOLATILE),
        Arguments.of("random()", Volatility.VOLATILE),
        Arguments.of("(random() * 100)::int", Volatility.VOLATILE),
        Arguments.of("clock_timestamp()", Volatility.VOLATILE),
        Arguments.of("timeofday()::timestamptz", Volatility.VOLATILE),
        Arguments.of("nextval('orders_id_seq'::regclass)", Volatility.VOLATILE),
        Arguments.of("md5(random()::text)", Volatility.VOLATILE),
        Arguments.of("my_id_generator()", Volatility.VOLATILE));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("defaults")
  void classifiesDefaultExpressions(String expression, Volatility expected) {
    assertEquals(expected, FunctionVolatility.builtIn().classify(expression).volatility());
  }

  @Test
  void namesTheVolatileAndUnknownFunctions() {
    FunctionVolatility.Verdict verdict = FunctionVolatility.builtIn().classify("coalesce(my_fn(), gen_random_uuid())");
    assertEquals(List.of("gen_random_uuid"), verdict.volatileFunctions());
    assertEquals(List.of("my_fn"), verdict.unknownFunctions());
  }

  @Test
  void catalogOverridesBuiltInTable() {
    FunctionVolatility live = FunctionVolatility.builtIn().withCatalog(Map.of("my_fn", Volatility.IMMUTABLE,
        "random", Volatility.STABLE));
    assertEquals(Volatility.IMMUTABLE, live.classify("my_fn()").volatility());
    assertEquals(Volatility.STABLE, live.classify("random()").volatility());
    assertEquals(Volatility.VOLATILE, FunctionVolatility.builtIn().classify("my_fn()").volatility());
  }

  @Test
  void emptyExpressionIsImmutable() {
    assertEquals(Volatility.IMMUTABLE, FunctionVolatility.builtIn().classify(null).volatility());
    assertEquals(Volatility.IMMUTABLE, FunctionVolatility.builtIn().classify(" ").volatility());
  }

  @Test
  void mapsCatalogCodes() {
    assertEquals(Volatility.STABLE, Volatility.fromCatalog("s"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Volatility.fromCatalog("x"));
    assertEquals("provolatile must be i, s or v, not 'x'", e.getMessage());
  }
}
