package dev.migrationmcp.tools.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PostgreSQL's 42501 messages, as the dry run explains them. */
class PrivilegeHintTest {
  @Test
  void namesOwnershipForDdlOnSomeoneElsesTable() {
    assertEquals("the role app_ro does not own table t: ALTER TABLE needs ownership of it (or membership in the owning "
        + "role). Dry-run as the role that runs your migrations.",
        PrivilegeHint.of("must be owner of table t", "ALTER TABLE t ADD COLUMN c int", "app_ro"));
  }

  @Test
  void namesTheSchemaPrivilegeForCreate() {
    assertEquals("the role app_ro lacks the CREATE privilege on schema public (GRANT CREATE ON SCHEMA public TO app_ro), "
        + "or dry-run as the role that runs your migrations.",
        PrivilegeHint.of("permission denied for schema public", "CREATE TABLE x (a int)", "app_ro"));
  }

  @Test
  void namesTheTablePrivilegeTheStatementNeeds() {
    assertEquals("the role r lacks the INSERT privilege on table t (GRANT INSERT ON TABLE t TO r), or dry-run as the role "
        + "that runs your migrations.", PrivilegeHint.of("permission denied for table t", "insert into t values (1)", "r"));
    assertEquals("the role r lacks the DELETE privilege on table t (GRANT DELETE ON TABLE t TO r), or dry-run as the role "
        + "that runs your migrations.", PrivilegeHint.of("permission denied for table t", "DELETE FROM t", "r"));
    assertEquals("the role r lacks the USAGE privilege on sequence s (GRANT USAGE ON SEQUENCE s TO r), or dry-run as the "
        + "role that runs your migrations.", PrivilegeHint.of("permission denied for sequence s", "SELECT nextval('s')", "r"));
  }

  @Test
  void fallsBackToPostgresMessageWhenItIsNotOneOfTheKnownShapes() {
    assertEquals("the role r lacks a privilege this statement needs (permission denied to create role). Dry-run as the "
        + "role that runs your migrations.", PrivilegeHint.of("permission denied to create role", "CREATE ROLE x", "r"));
  }
}
