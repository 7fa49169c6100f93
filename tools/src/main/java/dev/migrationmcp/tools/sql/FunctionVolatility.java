package dev.migrationmcp.tools.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides how volatile an expression is (a column DEFAULT, mostly) from the functions it calls:
 * {@code now()} and {@code current_timestamp} are stable, {@code gen_random_uuid()},
 * {@code random()}, {@code clock_timestamp()} and {@code nextval()} volatile, constants and casts
 * immutable. The built-in table covers the functions migrations put in defaults; when connected,
 * {@link #withCatalog} adds what {@code pg_proc} says. A function neither knows is assumed
 * volatile, as PostgreSQL assumes for a function declared without a volatility, and is listed in
 * {@link Verdict#unknownFunctions()} so a message can say the volatility was assumed.
 */
public final class FunctionVolatility {
  private static final Map<String, Volatility> BUILT_IN = new HashMap<>();

  static {
    for (String f : List.of("random", "random_normal", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
        "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval", "setval", "currval",
        "lastval", "gen_random_bytes", "gen_salt", "set_config", "pg_sleep", "dblink", "txid_current",
        "pg_current_xact_id", "pg_notify")) {
      BUILT_IN.put(f, Volatility.VOLATILE);
    }
    for (String f : List.of("now", "statement_timestamp", "transaction_timestamp", "current_timestamp",
        "current_date", "current_time", "localtime", "localtimestamp", "current_user", "session_user", "user",
        "current_role", "current_schema", "current_catalog", "current_database", "current_schemas",
        "current_setting", "to_char", "to_timestamp", "age", "to_json", "to_jsonb", "json_build_object",
        "jsonb_build_object", "json_build_array", "jsonb_build_array", "row_to_json", "array_to_json", "concat",
        "concat_ws", "format", "pg_backend_pid", "inet_client_addr", "version", "make_timestamptz",
        "to_tsvector", "date_trunc", "date_part", "system_user")) {
      BUILT_IN.put(f, Volatility.STABLE);
    }
    for (String f : List.of("lower", "upper", "length", "char_length", "character_length", "octet_length", "btrim",
        "ltrim", "rtrim", "substr", "replace", "left", "right", "abs", "ceil", "ceiling", "floor", "round", "trunc",
        "mod", "power", "sqrt", "md5", "sha224", "sha256", "sha384", "sha512", "encode", "decode", "digest",
        "uuid_generate_v3", "uuid_generate_v5", "uuid_nil", "uuid_ns_dns", "uuid_ns_url", "make_interval",
        "make_date", "make_time", "make_timestamp", "timezone", "split_part", "regexp_replace", "lpad", "rpad",
        "repeat", "reverse", "initcap", "chr", "ascii", "to_hex", "jsonb_typeof", "array_length", "cardinality",
        "array_fill", "string_to_array", "array_to_string", "jsonb_set", "jsonb_strip_nulls", "int4", "int8",
        "int2", "float8", "float4", "numeric", "text", "bool", "date", "point", "int4range", "int8range",
        "tsrange", "tstzrange", "daterange", "numrange", "gen_ulid_immutable", "hstore", "crypt", "to_number",
        "translate", "quote_ident", "quote_literal", "starts_with", "position", "strpos", "jsonb_path_query_array",
        "array_append", "array_prepend", "array_cat", "sign", "exp", "ln", "log", "pi")) {
      BUILT_IN.put(f, Volatility.IMMUTABLE);
    }
  }

  /** Words that look like calls but are syntax or casts (their arguments are still examined). */
  private static final Set<String> SYNTAX = Set.of(
      "cast", "coalesce", "nullif", "greatest", "least", "row", "array", "exists", "in", "any", "all", "some",
      "values", "case", "when", "then", "else", "end", "extract", "overlay", "substring", "trim", "and", "or",
      "not", "is", "null", "true", "false", "interval", "varchar", "character", "char", "decimal", "time",
      "timestamp", "bit", "varbit", "float", "collate", "at", "zone", "distinct", "from", "as", "like", "ilike",
      "similar", "between", "nulls", "over", "filter", "within", "group", "order", "by", "asc", "desc", "using",
      "xmlelement", "xmlforest", "xmlparse", "xmlserialize", "json", "json_object", "json_array", "varying",
      "precision", "with", "without", "double", "national", "default");

  /** SQL value functions written without parentheses. */
  private static final Set<String> BARE = Set.of(
      "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp", "current_user",
      "session_user", "user", "current_role", "current_schema", "current_catalog", "system_user");

  private static final FunctionVolatility BUILT_IN_INSTANCE = new FunctionVolatility(Map.copyOf(BUILT_IN));

  private final Map<String, Volatility> table;

  private FunctionVolatility(Map<String, Volatility> table) {
    this.table = table;
  }

  /** The built-in table only. */
  public static FunctionVolatility builtIn() {
    return BUILT_IN_INSTANCE;
  }

  /**
   * This table plus what a database catalog says (it wins where both know a function).
   *
   * @param catalog function name (lower case, unqualified or {@code schema.name}) to volatility
   */
  public FunctionVolatility withCatalog(Map<String, Volatility> catalog) {
    Map<String, Volatility> merged = new HashMap<>(table);
    catalog.forEach((name, v) -> merged.put(Identifiers.fold(name), v));
    return new FunctionVolatility(Map.copyOf(merged));
  }

  /** The volatility of one function, or null when neither table knows it. */
  public Volatility of(String function) {
    String name = Identifiers.fold(function);
    Volatility v = table.get(name);
    if (v == null && name.indexOf('.') > 0) {
      v = table.get(name.substring(name.lastIndexOf('.') + 1));
    }
    return v;
  }

  /**
   * The verdict on an expression.
   *
   * @param volatility the most volatile function called (unknown functions count as volatile);
   *     {@code IMMUTABLE} for constants and casts
   * @param volatileFunctions the calls found volatile (known ones), in order
   * @param unknownFunctions the calls neither table knows, in order
   */
  public record Verdict(Volatility volatility, List<String> volatileFunctions, List<String> unknownFunctions) {
    public Verdict {
      volatileFunctions = List.copyOf(volatileFunctions);
      unknownFunctions = List.copyOf(unknownFunctions);
    }

    public boolean isVolatile() {
      return volatility == Volatility.VOLATILE;
    }
  }

  /** Classifies an expression such as a DEFAULT; null or blank is immutable. */
  public Verdict classify(String expression) {
    Volatility result = Volatility.IMMUTABLE;
    List<String> volatileFunctions = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    if (expression == null || expression.isBlank()) {
      return new Verdict(result, volatileFunctions, unknown);
    }
    List<SqlToken> tokens = SqlLexer.tokens(expression);
    boolean afterCast = false;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("::")) {
        afterCast = true;
        continue;
      }
      if (!t.isIdentifier()) {
        if (!t.isSymbol(".") && !t.isSymbol("(") && !t.isSymbol("[") && !t.isSymbol("]")) {
          afterCast = false;
        }
        continue;
      }
      boolean qualifiedPart = i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")
          && tokens.get(i + 2).isIdentifier();
      if (qualifiedPart) {
        continue;
      }
      String name = t.value();
      if (i >= 2 && tokens.get(i - 1).isSymbol(".") && tokens.get(i - 2).isIdentifier()) {
        name = tokens.get(i - 2).value() + "." + name;
      }
      boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
      if (afterCast) {
        continue;
      }
      String bare = t.type() == TokenType.WORD ? t.value() : "";
      if (!call && !BARE.contains(bare)) {
        continue;
      }
      if (call && SYNTAX.contains(bare) && !BARE.contains(bare)) {
        continue;
      }
      Volatility v = of(name);
      if (v == null) {
        unknown.add(name);
        v = Volatility.VOLATILE;
      } else if (v == Volatility.VOLATILE) {
        volatileFunctions.add(name);
      }
      result = result.max(v);
    }
    return new Verdict(result, volatileFunctions, unknown);
  }
}
