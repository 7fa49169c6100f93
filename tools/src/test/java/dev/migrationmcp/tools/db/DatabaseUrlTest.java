package dev.migrationmcp.tools.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void parsesLibpqUrlWithCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:s3cr%40t@db.example.com:6543/shop?sslmode=require");
    assertEquals("db.example.com", url.host());
    assertEquals(6543, url.port());
    assertEquals("shop", url.database());
    assertEquals("app", url.user());
    assertEquals("s3cr@t", url.password());
    assertEquals("jdbc:postgresql://db.example.com:6543/shop?sslmode=require", url.jdbcUrl());
  }

  @Test
  void parsesJdbcUrlWithParameters() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/test?user=root&password=hunter2");
    assertEquals(5432, url.port());
    assertEquals("root", url.user());
    assertEquals("hunter2", url.password());
    assertFalse(url.jdbcUrl().contains("hunter2"));
  }

  @Test
  void neverPrintsThePassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:hunter2@h/db");
    assertFalse(url.toString().contains("hunter2"));
    assertFalse(url.describe().contains("hunter2"));
    assertEquals("postgres://app:***@h/db", DatabaseUrl.redact("postgres://app:hunter2@h/db"));
    assertEquals("jdbc:postgresql://h/db?password=***", DatabaseUrl.redact("jdbc:postgresql://h/db?password=hunter2"));
  }

  @Test
  void rejectsOtherSchemesWithoutLeakingSecrets() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseUrl.parse("mysql://u:hunter2@h/db"));
    assertTrue(e.getMessage().contains("expected jdbc:postgresql://"));
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void fillsMissingCredentialsOnly() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5433/db").withCredentials("flyway", "pw");
    assertEquals("flyway", url.user());
    assertEquals("pw", url.password());
    assertEquals("app", DatabaseUrl.parse("postgres://app@h/db").withCredentials("flyway", null).user());
  }

  @Test
  void unreachableServerErrorNamesTargetButNotPassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:hunter2@127.0.0.1:1/nowhere");
    DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class, () -> Databases.connect(url));
    assertTrue(e.getMessage().contains("127.0.0.1:1/nowhere"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }
}
