package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's minimal grants, proved: the server connected as a role that can only read the
 * catalog and statistics (no superuser, no ownership, no write privilege) answers inspect_schema,
 * lint_migration with the live schema and search_past_migrations; a live dry run as that role
 * says which privilege it lacks and on which object.
 */
class LeastPrivilegeIT {
  @TempDir static Path project;
  private static ScratchPostgres db;
  private static String role;
  private static McpProcess server;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(ScratchPostgres.available(), ScratchPostgres.SKIP_MESSAGE);
    McpProcess.copySampleProject(project);
    db = ScratchPostgres.create("mmcp_it_ro");
    Flyway.configure().dataSource("jdbc:postgresql://" + ScratchPostgres.HOST + ":" + ScratchPostgres.PORT + "/" + db.name,
        ScratchPostgres.USER, "").locations("filesystem:" + project.resolve("db/migration")).load().migrate();
    role = "mmcp_it_ro_" + ProcessHandle.current().pid();
    try (Connection c = ScratchPostgres.connect(ScratchPostgres.MAINTENANCE_DB); Statement s = c.createStatement()) {
      s.execute("DROP ROLE IF EXISTS " + role);
      s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
      s.execute("GRANT pg_read_all_stats TO " + role);
    }
    // The README's grants for inspect, lint and search: the catalog is readable by every role;
    // USAGE on the schema, and SELECT on Flyway's history table for applied_at / applied_by.
    db.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO " + role
        + "; GRANT SELECT ON flyway_schema_history TO " + role + ";");
    server = McpProcess.start(Map.of(), "serve", "--project", project.toString(), "--database-url",
        "postgres://" + role + "@" + ScratchPostgres.HOST + ":" + ScratchPostgres.PORT + "/" + db.name);
    server.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
      try (Connection c = ScratchPostgres.connect(ScratchPostgres.MAINTENANCE_DB); Statement s = c.createStatement()) {
        s.execute("DROP ROLE IF EXISTS " + role);
      }
    }
  }

  private static JsonNode call(String tool, Map<String, Object> args) throws Exception {
    JsonNode response = server.callTool(tool, args, new ArrayList<>());
    assertFalse(response.has("error"), response.toString());
    JsonNode result = response.path("result");
    assertFalse(result.path("isError").asBoolean(), tool + " → " + result);
    return result.path("structuredContent");
  }

  @Test
  void theRoleReallyCannotWrite() throws Exception {
    assertEquals("false", db.queryString("SELECT rolsuper::text FROM pg_roles WHERE rolname = '" + role + "'"));
    assertEquals("false", db.queryString("SELECT has_schema_privilege('" + role + "', 'public', 'CREATE')::text"));
    assertEquals("false", db.queryString("SELECT has_table_privilege('" + role + "', 'public.orders', 'INSERT')::text"));
  }

  @Test
  void inspectsTheSchemaWithSizes() throws Exception {
    JsonNode schema = call("inspect_schema", Map.of("tables", List.of("orders")));
    JsonNode orders = schema.path("schemas").get(0).path("tables").get(0);
    assertEquals("orders", orders.path("name").asString(), schema.toString());
    assertTrue(orders.path("columns").size() > 2, schema.toString());
    assertTrue(orders.path("total_bytes").asLong() > 0, schema.toString());
  }

  @Test
  void lintsWithTheLiveSchema() throws Exception {
    JsonNode report = call("lint_migration", Map.of("sql", "ALTER TABLE orders ADD COLUMN note text;\n"
        + "ALTER TABLE no_such_table ADD COLUMN x int;", "use_live_schema", true));
    assertTrue(report.toString().contains("unknown-object"), "the live schema was read: " + report);
    assertTrue(report.path("findings").toString().contains("no_such_table"), report.toString());
  }

  @Test
  void searchesPastMigrationsWithTheirHistory() throws Exception {
    JsonNode hits = call("search_past_migrations", Map.of("query", "orders")).path("hits");
    assertTrue(hits.size() > 0, hits.toString());
    assertTrue(hits.toString().contains("applied_by"), "flyway_schema_history was read: " + hits);
  }

  @Test
  void aLiveDryRunSaysWhichPrivilegeIsMissing() throws Exception {
    Map<String, String> cases = Map.of(
        "ALTER TABLE orders ADD COLUMN note text;", "does not own table orders",
        "CREATE TABLE scratch (id int);", "lacks the CREATE privilege on schema public",
        "INSERT INTO customers (email) VALUES ('x@example.com');", "lacks the INSERT privilege on table customers");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Map<String, Object> args = new HashMap<>(Map.of("sql", c.getKey(), "target", "live"));
      JsonNode report = call("dry_run", args);
      JsonNode error = report.path("statements").get(0).path("error");
      assertEquals("42501", error.path("sqlstate").asString(), c.getKey() + " → " + report);
      assertTrue(error.path("hint").asString().contains(c.getValue()) && error.path("hint").asString().contains(role),
          c.getKey() + " → " + error);
    }
  }
}
