package dev.migrationmcp.tools.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.flyway.FlywayChecksum;
import dev.migrationmcp.tools.lint.rules.FlywayAppliedMigrationModified;
import dev.migrationmcp.tools.lint.rules.FlywayFileName;
import dev.migrationmcp.tools.lint.rules.FlywayNonTransactionalStatement;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Flyway rules with a {@link FlywayContext}: names, duplicates, checksums, transactions. */
class FlywayRulesTest {
  private static final String SQL = "CREATE TABLE orders (id bigint PRIMARY KEY);\n";

  private static List<Finding> lint(Rule rule, String sql, String file, FlywayContext flyway) {
    return lint(rule, sql, file, flyway, LintSettings.defaults());
  }

  private static List<Finding> lint(Rule rule, String sql, String file, FlywayContext flyway, LintSettings settings) {
    return new Linter(List.of(rule)).lint(ScriptReader.read(sql), settings, null, FunctionVolatility.builtIn(), file,
        flyway).findings();
  }

  private static FlywayContext context(String name, String... siblings) {
    return new FlywayContext(name, List.of(siblings), Map.of());
  }

  @Test
  void acceptsFlywayNames() {
    for (String name : List.of("V1__init.sql", "V1.2__add_orders.sql", "V2024_01_15__x.sql", "U3__undo.sql",
        "R__views.sql", "V1__.sql", "V10__add orders.sql")) {
      assertEquals(List.of(), lint(new FlywayFileName(), SQL, null, context(name, "V0__base.sql")), name);
    }
  }

  @Test
  void flagsNamesFlywaySkipsWithTheCorrectedName() {
    Map<String, String> expected = Map.of(
        "V2_add_orders.sql", "V2__add_orders.sql",
        "v2__add_orders.sql", "V2__add_orders.sql",
        "V2__add_orders.SQL", "V2__add_orders.sql",
        "R_views.sql", "R__views.sql",
        "002_add_orders.sql", "V002__add_orders.sql");
    expected.forEach((name, fixed) -> {
      List<Finding> findings = lint(new FlywayFileName(), SQL, null, context("db/migration/" + name));
      assertEquals(1, findings.size(), name);
      assertEquals("Rename the file to " + fixed, findings.get(0).fix(), name);
      assertEquals(Severity.ERROR, findings.get(0).severity());
    });
  }

  @Test
  void flagsAnUnreadableVersionInAMigrationFolder() {
    List<Finding> findings = lint(new FlywayFileName(), SQL, null, context("V1a__init.sql", "V7__x.sql"));
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().contains("\"1a\" is not a version"), findings.get(0).message());
    assertEquals("Rename the file to V8__init.sql", findings.get(0).fix());
  }

  @Test
  void withoutAFolderReportsOnlyNamesThatLookLikeFlyways() {
    assertEquals(List.of(), lint(new FlywayFileName(), SQL, "create_orders.sql", null));
    assertEquals(List.of(), lint(new FlywayFileName(), SQL, "001_create_orders.sql", null));
    assertEquals(1, lint(new FlywayFileName(), SQL, "v1__create_orders.sql", null).size());
    assertEquals(List.of(), lint(new FlywayFileName(), SQL, null, null));
  }

  @Test
  void flagsDuplicateVersionsAcrossTheFolder() {
    List<Finding> findings = lint(new FlywayFileName(), SQL, null,
        context("V2__add_orders.sql", "V1__init.sql", "V2__add_orders.sql", "V02__add_customers.sql", "V3__x.sql"));
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().contains("V02__add_customers.sql"), findings.get(0).message());
    assertEquals("Rename the file that is not applied yet to V4__add_orders.sql", findings.get(0).fix());
    assertEquals(1, lint(new FlywayFileName(), SQL, null, context("V1.1__a.sql", "V1_1__b.sql")).size());
    assertEquals(List.of(), lint(new FlywayFileName(), SQL, null, context("V1.1__a.sql", "U1.1__a.sql")));
    assertEquals(1, lint(new FlywayFileName(), SQL, null, context("R__views.sql", "R__views.sql", "R__views.sql"))
        .size());
  }

  @Test
  void flagsAnAppliedMigrationWhoseChecksumChanged() {
    FlywayContext applied = new FlywayContext("V1__init.sql", List.of("V1__init.sql", "V2__b.sql"),
        Map.of("1", FlywayChecksum.of(SQL) + 1));
    List<Finding> findings = lint(new FlywayAppliedMigrationModified(), SQL, null, applied);
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).fix().contains("V3__init_followup.sql"), findings.get(0).fix());
  }

  @Test
  void ignoresAnUnchangedOrUnappliedMigration() {
    int checksum = FlywayChecksum.of(SQL);
    assertEquals(List.of(), lint(new FlywayAppliedMigrationModified(), SQL, null,
        new FlywayContext("V1__init.sql", List.of(), Map.of("1", checksum))));
    assertEquals(List.of(), lint(new FlywayAppliedMigrationModified(), SQL.replace("\n", "\r\n"), null,
        new FlywayContext("V1__init.sql", List.of(), Map.of("1.0", checksum))), "line endings and 1.0 = 1");
    assertEquals(List.of(), lint(new FlywayAppliedMigrationModified(), SQL, null,
        new FlywayContext("V2__next.sql", List.of(), Map.of("1", checksum + 1))));
    assertEquals(List.of(), lint(new FlywayAppliedMigrationModified(), SQL, null,
        new FlywayContext("R__views.sql", List.of(), Map.of("1", checksum + 1))));
  }

  @Test
  void flagsAConcurrentStatementFlywayRunsInItsTransaction() {
    String sql = "REINDEX INDEX CONCURRENTLY orders_customer_idx;\n";
    List<Finding> findings = lint(new FlywayNonTransactionalStatement(), sql, null, context("V7__reindex.sql"));
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).fix().contains("executeInTransaction=false"), findings.get(0).fix());
  }

  @Test
  void respectsTheScriptConfiguration() {
    String sql = "REINDEX INDEX CONCURRENTLY orders_customer_idx;\n";
    FlywayContext conf = new FlywayContext("V7__reindex.sql", List.of(), Map.of(),
        Map.of("executeInTransaction", "false"));
    assertEquals(List.of(), lint(new FlywayNonTransactionalStatement(), sql, null, conf));
    assertEquals(List.of(), lint(new FlywayNonTransactionalStatement(),
        "-- flyway:executeInTransaction=false\n" + sql, null, null));
    assertEquals(List.of(), lint(new FlywayNonTransactionalStatement(),
        "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY a_idx ON a (x);\n", null, null,
        LintSettings.defaults().withFlywayTransaction(false)));
    assertEquals(List.of(), lint(new FlywayNonTransactionalStatement(),
        "CREATE INDEX CONCURRENTLY a_idx ON a (x);\nDROP INDEX CONCURRENTLY b_idx;\n", null, null),
        "only statements Flyway runs outside a transaction");
    assertEquals(1, lint(new FlywayNonTransactionalStatement(),
        "CREATE INDEX CONCURRENTLY a_idx ON a (x);\n", null, new FlywayContext("V7__x.sql", List.of(), Map.of(),
            Map.of("executeInTransaction", "true"))).size(), "forced into a transaction");
  }
}
