package dev.migrationmcp.tools.schema.bench;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.db.EmbeddedPostgresServer;
import dev.migrationmcp.tools.schema.IntrospectionRequest;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Prints how long {@code inspect_schema} takes on a generated 2,000-table schema (tables of 10–15
 * columns with foreign keys, checks, indexes, enums and views), warm, median of several runs, next
 * to {@code pg_dump -s} of the same database when pg_dump is on the PATH and matches the server.
 *
 * <p>Usage: {@code InspectBenchmark [server-url] [tables]}; without a URL an embedded PostgreSQL is used.
 */
public final class InspectBenchmark {
  private static final int RUNS = 7;

  public static void main(String[] args) throws Exception {
    int tables = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    EmbeddedPostgresServer embedded = null;
    DatabaseUrl server;
    if (args.length > 0 && !args[0].isBlank()) {
      server = DatabaseUrl.parse(args[0]);
    } else {
      embedded = EmbeddedPostgresServer.start();
      server = embedded.url("postgres");
    }
    try {
      String dbName = "mmcp_bench_" + tables;
      try (Connection c = Databases.connect(server); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + dbName);
        s.execute("CREATE DATABASE " + dbName);
      }
      DatabaseUrl db = server.withDatabase(dbName);
      long t0 = System.nanoTime();
      try (Connection c = Databases.connect(db); Statement s = c.createStatement()) {
        s.execute(generate(tables));
        s.execute("ANALYZE");
      }
      System.out.printf("generated %d tables in %d ms on PostgreSQL at %s%n", tables, ms(t0), db.describe());

      try (Connection c = Databases.connect(db)) {
        SchemaIntrospector introspector = new SchemaIntrospector(c);
        SchemaSnapshot snapshot = null;
        for (int i = 0; i < 2; i++) {
          snapshot = introspector.snapshot();
        }
        System.out.printf("snapshot: %d tables, %d findings, server %s%n", snapshot.tables().size(),
            snapshot.findings().size(), snapshot.serverVersion());
        System.out.printf("inspect full detail (warm, median of %d): %.1f ms  (one connection)%n", RUNS,
            median(() -> introspector.snapshot()));
        SchemaIntrospector parallel = new SchemaIntrospector(c, () -> Databases.connect(db), 30_000);
        System.out.printf("inspect full detail (warm, median of %d): %.1f ms  (with helper connections, as the server runs it)%n",
            RUNS, median(() -> parallel.snapshot()));
        System.out.printf("inspect summary     (warm, median of %d): %.1f ms%n", RUNS,
            median(() -> parallel.read(new IntrospectionRequest(null, List.of(), false))));
        System.out.printf("inspect 3 tables    (warm, median of %d): %.1f ms%n", RUNS,
            median(() -> introspector.read(new IntrospectionRequest(null, List.of("t0001", "t0500", "t1000"), true))));
      }
      pgDump(db);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static void pgDump(DatabaseUrl db) throws Exception {
    List<String> cmd = List.of("pg_dump", "-s", "-h", db.host(), "-p", String.valueOf(db.port()),
        "-U", db.user() == null ? "postgres" : db.user(), "-f", "/dev/null", db.database());
    double[] times = new double[5];
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      Process p;
      try {
        p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      } catch (java.io.IOException e) {
        System.out.println("pg_dump -s: not on the PATH, skipped");
        return;
      }
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor(5, TimeUnit.MINUTES);
      if (p.exitValue() != 0) {
        System.out.println("pg_dump -s: failed (" + out.strip().lines().findFirst().orElse("") + "), skipped");
        return;
      }
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(times);
    System.out.printf("pg_dump -s          (median of %d): %.1f ms%n", times.length, times[times.length / 2]);
  }

  @FunctionalInterface
  interface Run {
    Object run() throws Exception;
  }

  private static double median(Run run) throws Exception {
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      run.run();
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** A schema shaped like a real application's: every table references an earlier one. */
  static String generate(int tables) {
    Random random = new Random(42);
    StringBuilder sql = new StringBuilder();
    for (int e = 0; e < 20; e++) {
      sql.append("CREATE TYPE state_").append(e).append(" AS ENUM ('new', 'active', 'suspended', 'closed');\n");
    }
    List<String> types = List.of("text", "integer", "bigint", "boolean", "timestamptz", "numeric(12,2)",
        "varchar(120)", "jsonb", "date", "uuid");
    for (int t = 1; t <= tables; t++) {
      String name = String.format("t%04d", t);
      sql.append("CREATE TABLE ").append(name).append(" (\n  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
      int columns = 10 + random.nextInt(6);
      List<String> colNames = new ArrayList<>();
      for (int c = 1; c < columns - 2; c++) {
        String col = "c" + c;
        colNames.add(col);
        sql.append(",\n  ").append(col).append(' ').append(types.get(random.nextInt(types.size())))
            .append(random.nextBoolean() ? " NOT NULL" : "");
      }
      sql.append(",\n  state state_").append(t % 20).append(" NOT NULL DEFAULT 'new'");
      sql.append(",\n  amount integer CHECK (amount >= 0)");
      if (t > 1) {
        sql.append(",\n  parent_id bigint REFERENCES t").append(String.format("%04d", 1 + random.nextInt(t - 1)))
            .append(" (id)");
      }
      sql.append("\n);\n");
      if (t > 1 && random.nextBoolean()) {
        sql.append("CREATE INDEX ON ").append(name).append(" (parent_id);\n");
      }
      sql.append("CREATE INDEX ON ").append(name).append(" (state, ").append(colNames.get(0)).append(");\n");
      if (t % 10 == 0) {
        sql.append("CREATE VIEW v_").append(name).append(" AS SELECT id, state FROM ").append(name)
            .append(" WHERE state = 'active';\n");
      }
    }
    return sql.toString();
  }

  private InspectBenchmark() {}

}
