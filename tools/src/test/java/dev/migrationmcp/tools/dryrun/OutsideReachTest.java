package dev.migrationmcp.tools.dryrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Statements that reach the server host, other databases or other sessions — one test per category. */
class OutsideReachTest {
  private static void everyTarget(String sql, String reasonPart) {
    Optional<OutsideReach> reach = OutsideReach.of(sql);
    assertTrue(reach.isPresent(), sql);
    assertTrue(reach.get().everyTarget(), sql + " → " + reach.get());
    assertTrue(reach.get().reason().contains(reasonPart), sql + " → " + reach.get().reason());
  }

  private static void liveOnly(String sql, String reasonPart) {
    Optional<OutsideReach> reach = OutsideReach.of(sql);
    assertTrue(reach.isPresent(), sql);
    assertEquals(false, reach.get().everyTarget(), sql);
    assertTrue(reach.get().reason().contains(reasonPart), sql + " → " + reach.get().reason());
  }

  @Test
  void flagsServerFileFunctionsAnywhere() {
    for (String sql : List.of("SELECT pg_read_file('/etc/passwd')",
        "SELECT pg_catalog.pg_read_binary_file('x')", "SELECT * FROM pg_ls_dir('.')", "SELECT (pg_stat_file('pg_hba.conf')).size",
        "SELECT lo_import('/etc/hosts')", "SELECT lo_export(1234, '/tmp/out')",
        "INSERT INTO t (v) SELECT \"pg_read_file\"('postgresql.conf')",
        "DO $$ BEGIN PERFORM pg_read_file('/etc/passwd'); END $$",
        "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS 'SELECT pg_read_file(''/etc/passwd'')'",
        "DO $outer$ BEGIN EXECUTE $q$SELECT pg_ls_dir('.')$q$; END $outer$")) {
      everyTarget(sql, "files on the database server's host");
    }
  }

  @Test
  void flagsCopyToOrFromTheServer() {
    everyTarget("COPY t TO '/tmp/x.csv'", "COPY");
    everyTarget("COPY t FROM PROGRAM 'curl http://x'", "COPY");
    everyTarget("DO $$ BEGIN COPY t TO PROGRAM 'rm -rf ~'; END $$", "COPY");
    everyTarget("DO $$ BEGIN EXECUTE 'COPY t FROM ''/etc/passwd'''; END $$", "COPY");
  }

  @Test
  void flagsConnectionsToOtherDatabases() {
    everyTarget("SELECT * FROM dblink('host=x', 'SELECT 1') AS r(a int)", "connects to another database");
    everyTarget("SELECT dblink_exec('dbname=prod', 'DROP TABLE t')", "connects to another database");
    everyTarget("CREATE EXTENSION IF NOT EXISTS postgres_fdw", "postgres_fdw");
    everyTarget("CREATE EXTENSION dblink", "dblink");
    everyTarget("CREATE SERVER prod FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'x')", "foreign server");
    everyTarget("CREATE USER MAPPING FOR CURRENT_USER SERVER prod OPTIONS (user 'a')", "user mapping");
    everyTarget("IMPORT FOREIGN SCHEMA public FROM SERVER prod INTO staging", "foreign");
    everyTarget("CREATE FOREIGN TABLE f (a int) SERVER files OPTIONS (filename '/etc/passwd')", "foreign");
  }

  @Test
  void flagsUntrustedLanguagesAndServerConfiguration() {
    everyTarget("CREATE EXTENSION plpython3u", "plpython3u");
    everyTarget("CREATE FUNCTION sh() RETURNS void LANGUAGE plperlu AS $$ system('id') $$", "plperlu");
    everyTarget("ALTER SYSTEM SET work_mem = '1GB'", "configuration file");
  }

  @Test
  void flagsActsOnOtherSessionsAndIdentityOnLiveOnly() {
    liveOnly("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'x'", "other sessions");
    liveOnly("SELECT pg_cancel_backend(42)", "other sessions");
    liveOnly("SELECT set_config('role', 'postgres', true)", "identity");
    liveOnly("DO $$ BEGIN PERFORM set_config('session_authorization', 'postgres', false); END $$", "identity");
  }

  @Test
  void ignoresOrdinaryMigrations() {
    for (String sql : List.of("COPY t FROM STDIN", "COPY (SELECT 1) TO STDOUT", "ALTER TABLE t ADD COLUMN copy_to text",
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$",
        "SELECT set_config('search_path', 'app', true)", "CREATE EXTENSION pgcrypto",
        "CREATE TABLE servers (id int)", "UPDATE t SET note = 'see dblink docs'", "ALTER TABLE t RENAME pg_read_file TO x",
        "CREATE SERVER_LOG_TABLE")) {
      assertEquals(Optional.empty(), OutsideReach.of(sql), sql);
    }
  }
}
