package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Seeded fuzzing through the real server over stdio. Inputs are generated from a seed corpus of
 * migration SQL (truncated, bytes inserted, NUL, unbalanced quotes and dollar quotes, deep nesting,
 * huge statements, odd Unicode) and sent to {@code lint_migration} and {@code dry_run}; odd names to
 * {@code inspect_schema}; Lucene syntax that does not parse to {@code search_past_migrations}; and
 * malformed or oversized JSON-RPC lines. Every call must be answered — a result, or {@code isError}
 * with a message, never an internal error or a stack trace — within a bound, by a server that
 * stays up on a bounded heap and writes only JSON-RPC to stdout.
 *
 * <p>{@code -Dfuzz.seed=N} replays a run (the seed is printed, and named in every failure),
 * {@code -Dfuzz.count=N} sets how many generated inputs follow the fixed hard cases (default 200),
 * {@code -Dfuzz.bound.seconds=N} the per-call bound (default 30).
 */
class FuzzIT {
  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
  private static final int COUNT = Integer.getInteger("fuzz.count", 200);
  private static final Duration BOUND = Duration.ofSeconds(Long.getLong("fuzz.bound.seconds", 30));
  private static final int MAX_FAILURES = 15;

  @TempDir Path project;

  private McpProcess server;
  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> sent = new LinkedHashMap<>();
  private int answered;
  private int toolErrors;

  @Test
  void everyInputIsAnsweredWithinTheBoundAndTheServerStaysUp() throws Exception {
    System.out.println("FuzzIT seed " + SEED + " (replay: -Dfuzz.seed=" + SEED + " -Dfuzz.count=" + COUNT + ")");
    Path migrations = Files.createDirectories(project.resolve("db/migration"));
    List<String> corpus = new ArrayList<>(SEED_SQL);
    try (var files = Files.list(McpProcess.home().resolve("examples/shop/db/migration"))) {
      for (Path f : files.sorted().toList()) {
        Files.copy(f, migrations.resolve(f.getFileName()));
        corpus.add(Files.readString(f));
      }
    }
    // A bounded heap: input that made memory grow without bound would end the process (and the test).
    server = McpProcess.start(Map.of("MIGRATION_MCP_JAVA_OPTS", "-Xmx512m"), "serve", "--project", project.toString());
    try {
      server.initialize();
      // Warm up: the embedded database, the shadow baseline and the index, so the bound measures the input.
      expectAnswer("warm-up", "dry_run", Map.of("sql", "SELECT 1"), Duration.ofMinutes(3));
      expectAnswer("warm-up", "search_past_migrations", Map.of("query", "orders"), Duration.ofMinutes(2));
      long rssBefore = rssKb();

      int n = 0;
      for (Case c : hardCases()) {
        run(n++, c);
      }
      Random random = new Random(SEED);
      for (int i = 0; i < COUNT && failures.size() < MAX_FAILURES && server.process.isAlive(); i++) {
        run(n++, generate(random, corpus));
      }
      long rssAfter = rssKb();
      System.out.printf("FuzzIT: %d inputs %s, %d answered (%d as isError), %d failed; server RSS %d MB -> %d MB%n",
          n, sent, answered, toolErrors, failures.size(), rssBefore / 1024, rssAfter / 1024);
      failures.forEach(f -> System.out.println("FuzzIT failure: " + f));
      assertTrue(server.process.isAlive(), "the server is still running; seed " + SEED + "\n" + stderrTail());
      assertEquals(List.of(), server.nonJsonLines(), "stdout carries only JSON-RPC; seed " + SEED);
      assertEquals(List.of(), failures, "seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
    } finally {
      server.close();
    }
  }

  /** One input: a tool call, or a raw line followed by a ping that proves the session survived. */
  private record Case(String kind, String tool, Map<String, Object> arguments, byte[] rawLine) {
    static Case tool(String tool, Map<String, Object> arguments) {
      return new Case(tool, tool, arguments, null);
    }

    static Case raw(String kind, byte[] line) {
      return new Case(kind, null, null, line);
    }

    String describe() {
      String text = rawLine != null ? new String(rawLine, StandardCharsets.UTF_8) : tool + " " + arguments;
      text = text.replace("\u0000", "\\0");
      return kind + ": " + (text.length() > 300 ? text.substring(0, 300) + "… (" + text.length() + " chars)" : text);
    }
  }

  private void run(int n, Case c) throws Exception {
    sent.merge(c.kind(), 1, Integer::sum);
    String label = "input #" + n + " (" + c.describe() + ")";
    try {
      if (c.rawLine() != null) {
        server.sendBytes(c.rawLine());
        server.sendBytes(new byte[] {'\n'});
        JsonNode pong = server.request("ping", Map.of(), new ArrayList<>(), BOUND);
        check(pong.has("result"), label, "the session did not survive: " + pong);
      } else {
        expectAnswer(label, c.tool(), c.arguments(), BOUND);
      }
      answered++; // counted here, not in expectAnswer: the warm-up calls are not inputs
    } catch (AssertionError | IOException e) {
      failures.add(label + ": " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      failures.add(label + ": the test could not send it: " + e);
    }
    if (!server.process.isAlive()) {
      failures.add(label + ": the server died (exit " + server.process.exitValue() + ")\n" + stderrTail());
    }
  }

  private void expectAnswer(String label, String tool, Map<String, Object> arguments, Duration bound) throws Exception {
    JsonNode response = server.request("tools/call", Map.of("name", tool, "arguments", arguments), new ArrayList<>(), bound);
    if (response.has("error")) {
      JsonNode error = response.path("error");
      // -32602 (invalid params) is a fair answer to arguments of the wrong type; -32603 is a bug.
      check(error.path("code").asInt() != -32603, label, "internal error " + error);
      checkNoInternals(label, error.toString());
      return;
    }
    JsonNode result = response.path("result");
    check(result.path("content").isArray() && !result.path("content").isEmpty(), label, "no content: " + response);
    String text = result.path("content").get(0).path("text").asString("");
    check(!text.isBlank(), label, "empty message: " + response);
    checkNoInternals(label, result.toString());
    if (result.path("isError").asBoolean()) {
      toolErrors++;
    } else {
      check(result.has("structuredContent"), label, "a success without structuredContent: " + response);
    }
  }

  private void checkNoInternals(String label, String answer) {
    for (String marker : List.of("\tat ", "\\tat ", "java.lang.", "StackOverflowError", "OutOfMemoryError",
        "NullPointerException", "IndexOutOfBounds")) {
      check(!answer.contains(marker), label, "the answer shows internals (" + marker + "): " + abbreviate(answer));
    }
  }

  private static void check(boolean ok, String label, String why) {
    if (!ok) {
      throw new AssertionError(why);
    }
  }

  // ---------------------------------------------------------------- inputs

  private static final List<String> SEED_SQL = List.of(
      "CREATE INDEX orders_placed_at_idx ON orders (placed_at);",
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS order_items_product_idx ON order_items USING btree (product_id) WHERE quantity > 1;",
      "ALTER TABLE orders ADD COLUMN note text DEFAULT 'n/a' NOT NULL, ADD CONSTRAINT note_len CHECK (length(note) < 100) NOT VALID;",
      "ALTER TABLE customers ALTER COLUMN email TYPE varchar(320) USING email::varchar(320);",
      "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\nALTER TABLE orders RENAME COLUMN note TO memo;",
      "UPDATE orders SET total_cents = total_cents * 2 WHERE id IN (SELECT order_id FROM order_items WHERE quantity > 3);",
      "DELETE FROM audit_log WHERE created_at < now() - interval '90 days';",
      "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE products ADD COLUMN sku text;\nCOMMIT;",
      "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  NEW.updated_at := now(); -- ;\n  RETURN NEW;\nEND;\n$fn$;",
      "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN CREATE TYPE mood AS ENUM ('a', 'b'); END IF; END $$;",
      "ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' BEFORE 'cancelled';",
      "CREATE TABLE \"Weird \"\"Name\"\"\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \"ünïcødé\" text COLLATE \"C\");",
      "COMMENT ON TABLE orders IS E'multi\\nline \\'quoted\\' comment';",
      "SELECT U&'d\\0061t\\+000061', $tag$ a $$ nested $$ b $tag$, B'1010', X'ff', 1.5e10, -- trailing\n 'x' /* c /* nested */ */;",
      "CREATE VIEW v AS SELECT o.id, sum(i.quantity) FILTER (WHERE i.quantity > 0) OVER (PARTITION BY o.customer_id) FROM orders o JOIN order_items i ON i.order_id = o.id;",
      "ALTER TABLE order_items ADD CONSTRAINT fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE NOT VALID;\nALTER TABLE order_items VALIDATE CONSTRAINT fk;",
      "-- migration-mcp:ignore drop-column reason\nALTER TABLE customers DROP COLUMN IF EXISTS legacy_id CASCADE;",
      "CREATE TABLE events (id bigserial, at timestamp, payload json, code char(3)) PARTITION BY RANGE (at);");

  private static final List<String> ODD_FRAGMENTS = List.of("'", "\"", "$$", "$a$", "$", "/*", "*/", "--", "E'\\", "U&\"",
      "(", ")", ";", "\\", "\u0000", "\uFEFF", "\u202E", "\u200D", "\uFFFD", "\uD800", "\uDC00", "😀", "表", "é\u0301",
      "\r", "\n", "\t", "\u0085", "\u2028", "\u00A0", "::", "[", "]", "{", "}", "%", "_", "*", "?", "~", "^", ":", "&&", "||");

  private static final List<String> ODD_NAMES = List.of("", " ", "*", "%", "_", "?", ".", "..", "public.", ".orders",
      "a.b.c.d", "order*", "*orders*", "o%", "[a-z]+", "(", "\\", "\\\\", "'; DROP TABLE orders; --", "\"orders\"",
      "\"\"", "pg_catalog.pg_class", "information_schema.*", "orders\u0000", "表😀", "\u202Eorders", "orders\n",
      "ORDERS", "x".repeat(10_000), "*".repeat(1_000), "a*".repeat(500), "\uD800", "$1", "%s%s%s", "${jndi:x}");

  private static final List<String> BAD_QUERIES = List.of("\"unbalanced", "a AND OR", "title:(", "AND", "OR OR", "NOT",
      "*", "?", "~", "^", "\\", "a^", "a~~", "/regex[/", "{1 TO", "[* TO", "field:", ":", "\"\"", "()", "(((", ")))",
      "a AND (b OR", "+-", "!!", "&&||", "sql:\"x", "*:*", "a".repeat(100_000), "a* ".repeat(3_000), "a OR ".repeat(5_000),
      "\"a b\"~1000000", "a~2.5", "a^-1", "a^1e400", "orders\u0000", "\uD800", "表😀", "", " ", "\n");

  private List<Case> hardCases() {
    String deep = "(".repeat(10_000);
    String close = ")".repeat(10_000);
    String megabyte = "x".repeat(1 << 20);
    List<String> sqls = List.of(
        "SELECT " + deep + "1" + close + ";",
        deep,
        close,
        "ALTER TABLE orders ADD COLUMN deep int DEFAULT " + deep + "1" + close + ";",
        "CREATE TABLE deep (a int CHECK " + deep + "a > 0" + close + ");",
        "SELECT " + "ARRAY[".repeat(5_000) + "1" + "]".repeat(5_000) + ";",
        "INSERT INTO audit_log (entity, entity_id, action) VALUES " + "('o', 1, 'x'),".repeat(70_000) + "('o', 1, 'x');",
        "SELECT '" + megabyte + "';",
        "SELECT '" + megabyte,
        "SELECT $$" + megabyte,
        "/*" + megabyte,
        "/*".repeat(300_000),
        megabyte,
        "ALTER TABLE orders ADD COLUMN " + "c".repeat(100_000) + " int;",
        "SELECT 1;".repeat(20_000),
        ";".repeat(100_000),
        "\u0000",
        "SELECT '\u0000';",
        "ALTER TABLE orders ADD COLUMN \"a\u0000b\" int;",
        "CREATE TABLE \"表😀\" (\"\u202Ecol\" int, \"é\u0301\" text, \"\uFEFFbom\" int);",
        "CREATE TABLE " + "é".repeat(40) + " (" + "ü".repeat(64) + " int);",
        "CREATE TABLE U&\"\\0441\\043B\\043E\\043D\" (U&\"!0441\" UESCAPE '!' int);",
        "CREATE TABLE \uD800 (a int);",
        "DO $$ BEGIN",
        "$$", "$a$ $b$", "'", "\"", "E'\\", "U&'\\", "--", "/*",
        "BEGIN; BEGIN; COMMIT; COMMIT; ROLLBACK; END;",
        "");
    List<Case> cases = new ArrayList<>();
    for (String sql : sqls) {
      cases.add(Case.tool("lint_migration", Map.of("sql", sql)));
    }
    for (String sql : sqls) {
      if (!sql.equals("SELECT 1;".repeat(20_000))) {
        cases.add(Case.tool("dry_run", Map.of("sql", sql, "timeout_ms", 10_000)));
      }
    }
    cases.add(Case.tool("dry_run", Map.of("sql", "SELECT 1;".repeat(500), "timeout_ms", 10_000)));
    for (String name : ODD_NAMES) {
      cases.add(Case.tool("inspect_schema", Map.of("tables", List.of(name))));
    }
    for (String name : List.of("", "*", "pg_catalog", "information_schema", "'; --", "\u0000", "x".repeat(10_000))) {
      cases.add(Case.tool("inspect_schema", Map.of("schema", name)));
    }
    for (String query : BAD_QUERIES) {
      cases.add(Case.tool("search_past_migrations", Map.of("query", query)));
    }
    // Wrong types and odd values everywhere.
    cases.add(Case.tool("inspect_schema", Map.of("tables", 42)));
    cases.add(Case.tool("inspect_schema", Map.of("tables", List.of(Map.of()))));
    cases.add(Case.tool("inspect_schema", Map.of("detail", "everything")));
    cases.add(Case.tool("lint_migration", Map.of()));
    cases.add(Case.tool("lint_migration", Map.of("sql", 42)));
    cases.add(Case.tool("lint_migration", Map.of("sql", "SELECT 1", "pg_version", -1)));
    cases.add(Case.tool("lint_migration", Map.of("sql", "SELECT 1", "pg_version", Long.MAX_VALUE)));
    cases.add(Case.tool("lint_migration", Map.of("sql", "SELECT 1", "path", "x.sql")));
    cases.add(Case.tool("lint_migration", Map.of("path", "\u0000")));
    cases.add(Case.tool("lint_migration", Map.of("path", "db/migration/" + "a".repeat(5_000) + ".sql")));
    cases.add(Case.tool("dry_run", Map.of("sql", "SELECT 1", "target", "moon")));
    cases.add(Case.tool("dry_run", Map.of("sql", "SELECT 1", "timeout_ms", -5)));
    cases.add(Case.tool("dry_run", Map.of("sql", "SELECT 1", "timeout_ms", Long.MAX_VALUE)));
    cases.add(Case.tool("dry_run", Map.of("sql", "SELECT 1", "lock_timeout_ms", "soon")));
    cases.add(Case.tool("dry_run", Map.of("path", "db/migration/\u0000.sql")));
    cases.add(Case.tool("search_past_migrations", Map.of()));
    cases.add(Case.tool("search_past_migrations", Map.of("query", "orders", "since", "not a date", "until", "2024-13-45")));
    cases.add(Case.tool("search_past_migrations", Map.of("query", "orders", "limit", -1)));
    cases.add(Case.tool("search_past_migrations", Map.of("query", "orders", "limit", Integer.MAX_VALUE)));
    cases.add(Case.tool("search_past_migrations", Map.of("query", "orders", "operation", "explode")));
    cases.add(Case.tool("no_such_tool", Map.of()));
    // Malformed and oversized JSON-RPC lines.
    for (String line : List.of("not json", "{", "}", "[]", "[{}]", "{}", "null", "\"text\"", "42", "true",
        "{\"jsonrpc\":\"1.0\",\"id\":\"j1\",\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"j2\",\"method\":42}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"j3\",\"method\":\"tools/call\",\"params\":[1,2]}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"j4\",\"method\":\"tools/call\",\"params\":{\"name\":null}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"j5\",\"method\":\"tools/call\",\"params\":{\"name\":\"lint_migration\",\"arguments\":\"sql\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999999999,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"j6\",\"result\":{}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"nope\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"j7\",\"method\":\"no/such/method\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"j8\",\"method\":\"ping\",\"params\":{\"x\":\"\\ud800\"}}",
        "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":\"j9\",\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"j10\",\"method\":\"ping\"}\r",
        "[".repeat(100_000) + "]".repeat(100_000),
        "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
        "{\"jsonrpc\":\"2.0\",\"id\":\"j11\",\"method\":\"ping\",\"params\":{\"pad\":\"" + "p".repeat(2 << 20) + "\"}}")) {
      cases.add(Case.raw("json-rpc", line.getBytes(StandardCharsets.UTF_8)));
    }
    cases.add(Case.raw("json-rpc", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}));
    cases.add(Case.raw("json-rpc", "{\"jsonrpc\":\"2.0\",\"id\":\"j12\",\"method\":\"ping\",\"params\":{\"x\":\"\u00ff\"}}"
        .getBytes(StandardCharsets.ISO_8859_1)));
    byte[] oversized = new byte[17 * 1024 * 1024];
    java.util.Arrays.fill(oversized, (byte) 'a');
    cases.add(Case.raw("json-rpc-oversized", oversized));
    return cases;
  }

  private Case generate(Random random, List<String> corpus) {
    int kind = random.nextInt(100);
    if (kind < 40) {
      return Case.tool("lint_migration", Map.of("sql", mutate(random, corpus)));
    }
    if (kind < 55) {
      return Case.tool("dry_run", Map.of("sql", mutate(random, corpus), "timeout_ms", 10_000));
    }
    if (kind < 70) {
      String name = random.nextBoolean() ? pick(random, ODD_NAMES) : mutate(random, List.of("orders", "public.order_items", "cust*"));
      return Case.tool("inspect_schema", Map.of("tables", List.of(name)));
    }
    if (kind < 85) {
      String query = random.nextBoolean() ? pick(random, BAD_QUERIES)
          : mutate(random, List.of("who dropped legacy_id", "title:orders AND (status OR \"paid\")", "email verified"));
      return Case.tool("search_past_migrations", Map.of("query", query));
    }
    String request = "{\"jsonrpc\":\"2.0\",\"id\":\"g" + random.nextInt(1000)
        + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"lint_migration\",\"arguments\":{\"sql\":\"SELECT 1\"}}}";
    byte[] line = mutate(random, List.of(request)).getBytes(StandardCharsets.UTF_8);
    if (line.length > 0 && random.nextInt(4) == 0) { // a mutation may leave nothing
      line[random.nextInt(line.length)] = (byte) (0x80 + random.nextInt(0x80)); // not UTF-8
    }
    for (int i = 0; i < line.length; i++) {
      if (line[i] == '\n') {
        line[i] = ' '; // one line per case: a ping follows it
      }
    }
    return Case.raw("json-rpc", line);
  }

  private static String mutate(Random random, List<String> corpus) {
    StringBuilder sb = new StringBuilder(pick(random, corpus));
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
      switch (random.nextInt(8)) {
        case 0 -> sb.setLength(at); // truncate
        case 1 -> { // random characters, any code point
          for (int k = random.nextInt(8); k >= 0; k--) {
            sb.insert(Math.min(at, sb.length()), (char) random.nextInt(0x10000));
          }
        }
        case 2 -> sb.insert(at, pick(random, ODD_FRAGMENTS));
        case 3 -> { // duplicate a slice
          int end = at + random.nextInt(Math.max(1, sb.length() - at + 1));
          sb.insert(at, sb.substring(at, Math.min(end, sb.length())));
        }
        case 4 -> { // delete a slice
          int end = Math.min(sb.length(), at + random.nextInt(40));
          sb.delete(at, end);
        }
        case 5 -> sb.insert(at, pick(random, corpus)); // splice
        case 6 -> sb.insert(at, "\"" + pick(random, ODD_FRAGMENTS) + "表😀\u0301" + "\"");
        default -> sb.insert(at, pick(random, ODD_FRAGMENTS).repeat(1 + random.nextInt(200)));
      }
    }
    return sb.toString();
  }

  private static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + server.process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no figure
    }
    return 0;
  }

  private String stderrTail() {
    try {
      String s = server.stderr();
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return "(no stderr)";
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    return abbreviate(s.lines().findFirst().orElse(""));
  }

  private static String abbreviate(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }
}
