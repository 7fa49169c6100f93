package dev.migrationmcp.tools.testing;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.db.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh, empty database on a real PostgreSQL: the server named by
 * {@code MIGRATION_MCP_TEST_DATABASE_URL} when set, otherwise one embedded PostgreSQL 17 per test
 * JVM (started on first use, stopped when the JVM exits). Inject it as a {@link TestDatabase}
 * parameter; the database is dropped after the class.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  public static final String URL_VARIABLE = "MIGRATION_MCP_TEST_DATABASE_URL";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
  private static volatile DatabaseUrl server;

  /** The maintenance database of the test server (embedded or external). */
  public static synchronized DatabaseUrl serverUrl() {
    if (server == null) {
      String configured = System.getenv(URL_VARIABLE);
      if (configured != null && !configured.isBlank()) {
        server = DatabaseUrl.parse(configured);
      } else {
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
        server = embedded.url("postgres");
      }
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    DatabaseUrl admin = serverUrl();
    String name = ("mmcp_test_" + context.getRequiredTestClass().getSimpleName() + "_"
        + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
    try (Connection c = Databases.connect(admin); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    }
    context.getStore(NAMESPACE).put("db", new TestDatabase(admin.withDatabase(name)));
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    TestDatabase db = context.getStore(NAMESPACE).remove("db", TestDatabase.class);
    if (db != null) {
      try (Connection c = Databases.connect(serverUrl()); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db.url().database() + " WITH (FORCE)");
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getStore(NAMESPACE).get("db") == null && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE).get("db", TestDatabase.class);
  }
}
