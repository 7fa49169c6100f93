package dev.migrationmcp.tools.sql.read;

import static dev.migrationmcp.tools.sql.read.Reading.read;
import static dev.migrationmcp.tools.sql.read.Reading.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.model.AlterDomain;
import dev.migrationmcp.tools.sql.model.AlterSchema;
import dev.migrationmcp.tools.sql.model.AlterType;
import dev.migrationmcp.tools.sql.model.Analyze;
import dev.migrationmcp.tools.sql.model.Cluster;
import dev.migrationmcp.tools.sql.model.CommentOn;
import dev.migrationmcp.tools.sql.model.CreateDomain;
import dev.migrationmcp.tools.sql.model.CreateExtension;
import dev.migrationmcp.tools.sql.model.CreateRoutine;
import dev.migrationmcp.tools.sql.model.CreateSchema;
import dev.migrationmcp.tools.sql.model.CreateSequence;
import dev.migrationmcp.tools.sql.model.CreateTrigger;
import dev.migrationmcp.tools.sql.model.CreateType;
import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.Delete;
import dev.migrationmcp.tools.sql.model.DoBlock;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.Grant;
import dev.migrationmcp.tools.sql.model.Insert;
import dev.migrationmcp.tools.sql.model.LockTable;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.OtherStatement;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Query;
import dev.migrationmcp.tools.sql.model.RefreshMaterializedView;
import dev.migrationmcp.tools.sql.model.ResetParameter;
import dev.migrationmcp.tools.sql.model.SetParameter;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.model.TransactionControl;
import dev.migrationmcp.tools.sql.model.TransactionControl.Command;
import dev.migrationmcp.tools.sql.model.Truncate;
import dev.migrationmcp.tools.sql.model.Unparsed;
import dev.migrationmcp.tools.sql.model.Update;
import dev.migrationmcp.tools.sql.model.Vacuum;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementReaderTest {

  private static QualifiedName n(String name) {
    return QualifiedName.of(name);
  }

  /** Statements that must read into exactly this record. */
  static Stream<Arguments> exact() {
    return Stream.of(
        Arguments.of("DROP TABLE t", new DropObject(ObjectType.TABLE, List.of(n("t")), false, false, null)),
        Arguments.of("DROP TABLE IF EXISTS a, s.b CASCADE", new DropObject(ObjectType.TABLE,
            List.of(n("a"), new QualifiedName("s", "b")), true, true, null)),
        Arguments.of("DROP VIEW IF EXISTS v", new DropObject(ObjectType.VIEW, List.of(n("v")), true, false, null)),
        Arguments.of("DROP MATERIALIZED VIEW mv", new DropObject(ObjectType.MATERIALIZED_VIEW, List.of(n("mv")), false,
            false, null)),
        Arguments.of("DROP SCHEMA old CASCADE", new DropObject(ObjectType.SCHEMA, List.of(n("old")), false, true,
            null)),
        Arguments.of("DROP TYPE IF EXISTS mood", new DropObject(ObjectType.TYPE, List.of(n("mood")), true, false,
            null)),
        Arguments.of("DROP DOMAIN email", new DropObject(ObjectType.DOMAIN, List.of(n("email")), false, false, null)),
        Arguments.of("DROP SEQUENCE s", new DropObject(ObjectType.SEQUENCE, List.of(n("s")), false, false, null)),
        Arguments.of("DROP FUNCTION IF EXISTS f(int, text), g()", new DropObject(ObjectType.FUNCTION,
            List.of(n("f"), n("g")), true, false, null)),
        Arguments.of("DROP PROCEDURE p", new DropObject(ObjectType.PROCEDURE, List.of(n("p")), false, false, null)),
        Arguments.of("DROP EXTENSION IF EXISTS pg_trgm", new DropObject(ObjectType.EXTENSION, List.of(n("pg_trgm")),
            true, false, null)),
        Arguments.of("DROP DATABASE app", new DropObject(ObjectType.DATABASE, List.of(n("app")), false, false, null)),
        Arguments.of("DROP TRIGGER IF EXISTS audit ON orders", new DropObject(ObjectType.TRIGGER, List.of(n("audit")),
            true, false, n("orders"))),
        Arguments.of("DROP POLICY p ON t", new DropObject(ObjectType.POLICY, List.of(n("p")), false, false, n("t"))),
        Arguments.of("CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s')", new CreateType(n("mood"),
            CreateType.Form.ENUM, List.of("sad", "ok", "it's"), List.of())),
        Arguments.of("CREATE TYPE empty_enum AS ENUM ()", new CreateType(n("empty_enum"), CreateType.Form.ENUM,
            List.of(), List.of())),
        Arguments.of("CREATE TYPE shell", new CreateType(n("shell"), CreateType.Form.SHELL, List.of(), List.of())),
        Arguments.of("ALTER TYPE mood ADD VALUE 'happy'", new AlterType(n("mood"),
            new AlterType.AddValue("happy", false, null, null))),
        Arguments.of("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy' BEFORE 'ok'", new AlterType(n("mood"),
            new AlterType.AddValue("happy", true, "ok", null))),
        Arguments.of("ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok'", new AlterType(n("mood"),
            new AlterType.AddValue("happy", false, null, "ok"))),
        Arguments.of("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'", new AlterType(n("mood"),
            new AlterType.RenameValue("sad", "blue"))),
        Arguments.of("ALTER TYPE mood RENAME TO feeling", new AlterType(n("mood"), new AlterType.RenameTo("feeling"))),
        Arguments.of("ALTER TYPE mood OWNER TO app", new AlterType(n("mood"), new AlterType.OwnerTo("app"))),
        Arguments.of("ALTER TYPE addr ADD ATTRIBUTE zip text", new AlterType(n("addr"),
            new AlterType.Other("ADD ATTRIBUTE zip text"))),
        Arguments.of("CREATE DOMAIN email AS citext NOT NULL CHECK (VALUE ~ '@')", new CreateDomain(n("email"),
            type("citext", "citext"), null, null, true, List.of(new TableConstraint.Check(null, "VALUE ~ '@'",
                false)))),
        Arguments.of("ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE ~ '@') NOT VALID", new AlterDomain(
            n("email"), new AlterDomain.AddConstraint(new TableConstraint.Check("has_at", "VALUE ~ '@'", false),
                true))),
        Arguments.of("ALTER DOMAIN email VALIDATE CONSTRAINT has_at", new AlterDomain(n("email"),
            new AlterDomain.ValidateConstraint("has_at"))),
        Arguments.of("ALTER DOMAIN email DROP CONSTRAINT IF EXISTS has_at", new AlterDomain(n("email"),
            new AlterDomain.DropConstraint("has_at", true, false))),
        Arguments.of("ALTER DOMAIN email SET NOT NULL", new AlterDomain(n("email"), new AlterDomain.SetNotNull())),
        Arguments.of("ALTER DOMAIN email SET DEFAULT ''", new AlterDomain(n("email"),
            new AlterDomain.SetDefault("''"))),
        Arguments.of("REFRESH MATERIALIZED VIEW CONCURRENTLY stats", new RefreshMaterializedView(n("stats"), true,
            false)),
        Arguments.of("REFRESH MATERIALIZED VIEW stats WITH NO DATA", new RefreshMaterializedView(n("stats"), false,
            true)),
        Arguments.of("ALTER SCHEMA app RENAME TO core", new AlterSchema("app", AlterSchema.Action.RENAME, "core")),
        Arguments.of("ALTER SCHEMA app OWNER TO admin", new AlterSchema("app", AlterSchema.Action.OWNER, "admin")),
        Arguments.of("VACUUM FULL orders", new Vacuum(true, List.of("FULL"), List.of(n("orders")))),
        Arguments.of("VACUUM (FULL, ANALYZE) orders, s.items (a)", new Vacuum(true, List.of("FULL", "ANALYZE"),
            List.of(n("orders"), new QualifiedName("s", "items")))),
        Arguments.of("VACUUM (FULL false) t", new Vacuum(false, List.of("FULL FALSE"), List.of(n("t")))),
        Arguments.of("VACUUM ANALYZE", new Vacuum(false, List.of("ANALYZE"), List.of())),
        Arguments.of("ANALYZE orders", new Analyze(List.of(n("orders")))),
        Arguments.of("CLUSTER orders USING orders_pkey", new Cluster(n("orders"), "orders_pkey")),
        Arguments.of("CLUSTER orders_pkey ON orders", new Cluster(n("orders"), "orders_pkey")),
        Arguments.of("CLUSTER", new Cluster(null, null)),
        Arguments.of("TRUNCATE orders", new Truncate(List.of(n("orders")), false, false)),
        Arguments.of("TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE", new Truncate(List.of(n("a"), n("b")), true,
            true)),
        Arguments.of("LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE NOWAIT", new LockTable(List.of(n("orders")),
            "SHARE ROW EXCLUSIVE", true)),
        Arguments.of("LOCK orders", new LockTable(List.of(n("orders")), "ACCESS EXCLUSIVE", false)),
        Arguments.of("SET lock_timeout = '5s'", new SetParameter("lock_timeout", "5s", false)),
        Arguments.of("SET LOCAL statement_timeout TO 30000", new SetParameter("statement_timeout", "30000", true)),
        Arguments.of("SET SESSION lock_timeout = '1min'", new SetParameter("lock_timeout", "1min", false)),
        Arguments.of("SET search_path TO \"$user\", public", new SetParameter("search_path", "$user, public", false)),
        Arguments.of("SET search_path = app", new SetParameter("search_path", "app", false)),
        Arguments.of("SET lock_timeout TO DEFAULT", new SetParameter("lock_timeout", "DEFAULT", false)),
        Arguments.of("SET TIME ZONE 'UTC'", new SetParameter("timezone", "UTC", false)),
        Arguments.of("SET ROLE admin", new SetParameter("role", "admin", false)),
        Arguments.of("SET SESSION AUTHORIZATION 'bob'", new SetParameter("session_authorization", "bob", false)),
        Arguments.of("SET myapp.tenant = '42'", new SetParameter("myapp.tenant", "42", false)),
        Arguments.of("SET check_function_bodies = false", new SetParameter("check_function_bodies", "false", false)),
        Arguments.of("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", new SetParameter("transaction",
            "TRANSACTION ISOLATION LEVEL SERIALIZABLE", false)),
        Arguments.of("SET CONSTRAINTS ALL DEFERRED", new SetParameter("constraints", "ALL DEFERRED", false)),
        Arguments.of("SET SCHEMA 'app'", new SetParameter("search_path", "app", false)),
        Arguments.of("RESET lock_timeout", new ResetParameter("lock_timeout")),
        Arguments.of("RESET ALL", new ResetParameter("all")),
        Arguments.of("BEGIN", new TransactionControl(Command.BEGIN, null, false)),
        Arguments.of("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE", new TransactionControl(Command.BEGIN, null,
            false)),
        Arguments.of("START TRANSACTION", new TransactionControl(Command.START_TRANSACTION, null, false)),
        Arguments.of("COMMIT", new TransactionControl(Command.COMMIT, null, false)),
        Arguments.of("COMMIT WORK AND CHAIN", new TransactionControl(Command.COMMIT, null, true)),
        Arguments.of("COMMIT AND NO CHAIN", new TransactionControl(Command.COMMIT, null, false)),
        Arguments.of("END", new TransactionControl(Command.END, null, false)),
        Arguments.of("ROLLBACK AND CHAIN", new TransactionControl(Command.ROLLBACK, null, true)),
        Arguments.of("ABORT", new TransactionControl(Command.ABORT, null, false)),
        Arguments.of("SAVEPOINT before_backfill", new TransactionControl(Command.SAVEPOINT, "before_backfill",
            false)),
        Arguments.of("RELEASE SAVEPOINT s", new TransactionControl(Command.RELEASE_SAVEPOINT, "s", false)),
        Arguments.of("ROLLBACK TO SAVEPOINT s", new TransactionControl(Command.ROLLBACK_TO_SAVEPOINT, "s", false)),
        Arguments.of("PREPARE TRANSACTION 'tx1'", new TransactionControl(Command.PREPARE_TRANSACTION, "tx1", false)),
        Arguments.of("COMMIT PREPARED 'tx1'", new TransactionControl(Command.COMMIT_PREPARED, "tx1", false)),
        Arguments.of("ROLLBACK PREPARED 'tx1'", new TransactionControl(Command.ROLLBACK_PREPARED, "tx1", false)),
        Arguments.of("UPDATE orders SET status = 'paid', total = total * 2 WHERE id = 1",
            new Update(n("orders"), false, null, List.of("status", "total"), true, false, false, false)),
        Arguments.of("UPDATE orders o SET (a, b) = (1, 2), a = 3",
            new Update(n("orders"), false, "o", List.of("a", "b", "a"), false, false, false, false)),
        Arguments.of("UPDATE ONLY t AS x SET v[1] = 0, c.f = 1 FROM u WHERE x.id = u.id RETURNING *",
            new Update(n("t"), true, "x", List.of("v", "c"), true, true, false, true)),
        Arguments.of("UPDATE t SET a = 1 LIMIT 1000", new Update(n("t"), false, null, List.of("a"), false, false, true,
            false)),
        Arguments.of("UPDATE t SET a = (SELECT max(x) FROM u WHERE u.id = t.id)",
            new Update(n("t"), false, null, List.of("a"), false, false, false, false)),
        Arguments.of("WITH batch AS (SELECT id FROM t LIMIT 100) UPDATE t SET done = true FROM batch "
            + "WHERE t.id = batch.id", new Update(n("t"), false, null, List.of("done"), true, true, false, false)),
        Arguments.of("DELETE FROM t", new Delete(n("t"), false, false, false, false, false)),
        Arguments.of("DELETE FROM ONLY s.t USING u WHERE t.id = u.id RETURNING t.id",
            new Delete(new QualifiedName("s", "t"), true, true, true, false, true)),
        Arguments.of("INSERT INTO t (a, b) VALUES (1, 2), (3, 4) ON CONFLICT DO NOTHING",
            new Insert(n("t"), List.of("a", "b"), Insert.Source.VALUES, 2, null, true, false)),
        Arguments.of("INSERT INTO t SELECT * FROM u WHERE x ON CONFLICT (id) DO UPDATE SET a = 1 RETURNING id",
            new Insert(n("t"), List.of(), Insert.Source.QUERY, -1, "SELECT * FROM u WHERE x", true, true)),
        Arguments.of("INSERT INTO t (action, path, local) (SELECT 1, 2, 3)",
            new Insert(n("t"), List.of("action", "path", "local"), Insert.Source.QUERY, -1, "(SELECT 1, 2, 3)", false,
                false)),
        Arguments.of("INSERT INTO t DEFAULT VALUES", new Insert(n("t"), List.of(), Insert.Source.DEFAULT_VALUES, -1,
            null, false, false)),
        Arguments.of("DO $$ BEGIN PERFORM 1; END $$", new DoBlock("plpgsql", " BEGIN PERFORM 1; END ")),
        Arguments.of("DO LANGUAGE plpython3u 'print(1)'", new DoBlock("plpython3u", "print(1)")),
        Arguments.of("DO $body$ SELECT 1 $body$ LANGUAGE sql", new DoBlock("sql", " SELECT 1 ")),
        Arguments.of("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA extensions",
            new CreateExtension("uuid-ossp", true, "extensions", null)),
        Arguments.of("CREATE SEQUENCE IF NOT EXISTS s.seq START 1", new CreateSequence(new QualifiedName("s", "seq"),
            true)),
        Arguments.of("CREATE SCHEMA IF NOT EXISTS app AUTHORIZATION admin", new CreateSchema("app", true, "admin")),
        Arguments.of("CREATE SCHEMA AUTHORIZATION admin", new CreateSchema("admin", false, "admin")),
        Arguments.of("COMMENT ON TABLE orders IS 'Customer orders'", new CommentOn(ObjectType.TABLE, "orders",
            "Customer orders")),
        Arguments.of("COMMENT ON COLUMN orders.status IS NULL", new CommentOn(ObjectType.COLUMN, "orders.status",
            null)),
        Arguments.of("COMMENT ON MATERIALIZED VIEW s.mv IS E'line\\nnext'", new CommentOn(
            ObjectType.MATERIALIZED_VIEW, "s.mv", "line\nnext")),
        Arguments.of("GRANT SELECT, INSERT ON orders TO app, reporting", new Grant(false, "SELECT, INSERT", "orders",
            "app, reporting")),
        Arguments.of("REVOKE ALL ON SCHEMA app FROM PUBLIC", new Grant(true, "ALL", "SCHEMA app", "PUBLIC")),
        Arguments.of("GRANT admin TO bob", new Grant(false, "admin", null, "bob")),
        Arguments.of("GRANT SELECT ON ALL TABLES IN SCHEMA app TO r WITH GRANT OPTION",
            new Grant(false, "SELECT", "ALL TABLES IN SCHEMA app", "r")),
        Arguments.of("REVOKE GRANT OPTION FOR UPDATE (a, b) ON t FROM r CASCADE", new Grant(true, "UPDATE (a, b)", "t",
            "r")),
        Arguments.of("DROP DATABASE IF EXISTS app WITH (FORCE)", new DropObject(ObjectType.DATABASE, List.of(n("app")),
            true, false, null)),
        Arguments.of("SELECT 1", new Query("SELECT", null, false, List.of())),
        Arguments.of("(SELECT 1) UNION (SELECT 2)", new Query("SELECT", null, false, List.of())),
        Arguments.of("VALUES (1), (2)", new Query("VALUES", null, false, List.of())),
        Arguments.of("SELECT * INTO TEMP copy FROM t", new Query("SELECT INTO", n("copy"), false, List.of())),
        Arguments.of("WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone",
            new Query("SELECT", null, true, List.of())),
        Arguments.of("SELECT set_config('lock_timeout', '5s', false)", new Query("SELECT", null, false,
            List.of(new SetParameter("lock_timeout", "5s", false)))),
        Arguments.of("SELECT pg_catalog.set_config('search_path', '', true), 1", new Query("SELECT", null, false,
            List.of(new SetParameter("search_path", "", true)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exact")
  void readsStatement(String sql, Statement expected) {
    assertEquals(expected, StatementReader.read(sql));
  }

  @Test
  void readsCreateViewAndMaterializedView() {
    CreateView v = read("CREATE OR REPLACE VIEW active_users (id, email) WITH (security_barrier) AS "
        + "SELECT id, email FROM users WHERE active WITH LOCAL CHECK OPTION", CreateView.class);
    assertTrue(v.orReplace());
    assertFalse(v.materialized());
    assertEquals(List.of("id", "email"), v.columns());
    assertEquals("SELECT id, email FROM users WHERE active", v.query());
    CreateView mv = read("CREATE MATERIALIZED VIEW IF NOT EXISTS stats AS SELECT count(*) FROM t WITH NO DATA",
        CreateView.class);
    assertTrue(mv.materialized());
    assertTrue(mv.ifNotExists());
    assertTrue(mv.withNoData());
    assertEquals("SELECT count(*) FROM t", mv.query());
    assertEquals("CREATE MATERIALIZED VIEW", mv.kind());
    CreateView recursive = read("CREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums",
        CreateView.class);
    assertTrue(recursive.recursive());
  }

  @Test
  void readsCreateFunctionWithDollarBody() {
    CreateRoutine f = read("CREATE OR REPLACE FUNCTION app.touch() RETURNS trigger AS $$\n"
        + "BEGIN NEW.updated_at = now(); RETURN NEW; END;\n$$ LANGUAGE plpgsql", CreateRoutine.class);
    assertEquals(new QualifiedName("app", "touch"), f.name());
    assertTrue(f.orReplace());
    assertFalse(f.procedure());
    assertEquals("plpgsql", f.language());
    assertTrue(f.body().contains("NEW.updated_at = now()"));
  }

  @Test
  void readsSqlStandardFunctionBodies() {
    CreateRoutine atomic = read("CREATE PROCEDURE p(a int) LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (a); END",
        CreateRoutine.class);
    assertTrue(atomic.procedure());
    assertEquals("BEGIN ATOMIC INSERT INTO t VALUES (a); END", atomic.body());
    assertEquals("CREATE PROCEDURE", atomic.kind());
    CreateRoutine ret = read("CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE RETURN a + b",
        CreateRoutine.class);
    assertEquals("a + b", ret.body());
    CreateRoutine c = read("CREATE FUNCTION f(int) RETURNS int AS 'MODULE_PATHNAME', 'f' LANGUAGE C STRICT",
        CreateRoutine.class);
    assertEquals("c", c.language());
    assertEquals("MODULE_PATHNAME", c.body());
  }

  @Test
  void readsCreateTrigger() {
    CreateTrigger t = read("CREATE OR REPLACE TRIGGER touch BEFORE INSERT OR UPDATE OF status ON app.orders "
        + "FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION app.touch()", CreateTrigger.class);
    assertEquals("touch", t.name());
    assertEquals(new QualifiedName("app", "orders"), t.table());
    assertEquals("BEFORE", t.timing());
    assertEquals("INSERT OR UPDATE OF STATUS", t.events());
    assertEquals(new QualifiedName("app", "touch"), t.function());
    CreateTrigger constraint = read("CREATE CONSTRAINT TRIGGER c AFTER DELETE ON t DEFERRABLE INITIALLY DEFERRED "
        + "FOR EACH ROW EXECUTE PROCEDURE check_it()", CreateTrigger.class);
    assertEquals("check_it", constraint.function().name());
  }

  static Stream<Arguments> classified() {
    return Stream.of(
        Arguments.of("CREATE POLICY p ON t USING (owner = current_user)", "CREATE POLICY", "p"),
        Arguments.of("ALTER FUNCTION f(int) OWNER TO app", "ALTER FUNCTION", "f"),
        Arguments.of("ALTER SEQUENCE s RESTART WITH 10", "ALTER SEQUENCE", "s"),
        Arguments.of("ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO r", "ALTER DEFAULT PRIVILEGES",
            null),
        Arguments.of("ALTER VIEW v RENAME TO w", "ALTER VIEW", "v"),
        Arguments.of("ALTER MATERIALIZED VIEW mv OWNER TO r", "ALTER MATERIALIZED VIEW", "mv"),
        Arguments.of("CREATE ROLE app LOGIN", "CREATE ROLE", "app"),
        Arguments.of("CREATE OR REPLACE RULE r AS ON INSERT TO t DO INSTEAD NOTHING", "CREATE RULE", "r"),
        Arguments.of("CREATE EVENT TRIGGER e ON ddl_command_end EXECUTE FUNCTION f()", "CREATE EVENT TRIGGER", "e"),
        Arguments.of("CREATE PUBLICATION pub FOR ALL TABLES", "CREATE PUBLICATION", "pub"),
        Arguments.of("SECURITY LABEL ON TABLE t IS 'x'", "SECURITY LABEL", null),
        Arguments.of("COPY t FROM stdin", "COPY", "t"),
        Arguments.of("CALL do_it(1)", "CALL", "do_it"),
        Arguments.of("NOTIFY channel", "NOTIFY", "channel"),
        Arguments.of("DROP OWNED BY app", "DROP OWNED", null),
        Arguments.of("DROP CAST (text AS int)", "DROP CAST", null),
        Arguments.of("ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b", "ALTER TABLE", null),
        Arguments.of("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "MERGE", "t"),
        Arguments.of("CREATE STATISTICS st ON a, b FROM t", "CREATE STATISTICS", "st"),
        Arguments.of("ALTER SYSTEM SET work_mem = '64MB'", "ALTER SYSTEM", null),
        Arguments.of("SHOW lock_timeout", "SHOW", "lock_timeout"),
        Arguments.of("PREPARE q AS SELECT 1", "PREPARE", "q"),
        Arguments.of("EXPLAIN SELECT 1", "EXPLAIN", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classified")
  void classifiesByKind(String sql, String kind, String target) {
    OtherStatement s = read(sql, OtherStatement.class);
    assertEquals(kind, s.kind());
    assertEquals(target, s.target() == null ? null : s.target().name());
    assertEquals(Statement.Coverage.CLASSIFIED, s.coverage());
  }

  static Stream<Arguments> unparsed() {
    return Stream.of(
        Arguments.of("FROBNICATE the database", "FROBNICATE",
            "expected a PostgreSQL statement but found 'FROBNICATE' at line 1, column 1"),
        Arguments.of("CREATE INDEX ON", "CREATE INDEX",
            "expected a table name but found the end of the statement at line 1, column 16"),
        Arguments.of("DROP INDEX CONCURRENTLY", "DROP INDEX",
            "expected an index name but found the end of the statement at line 1, column 24"),
        Arguments.of("CREATE TABLE t (a int,\n  b int NOT NUL)", "CREATE TABLE",
            "expected a column constraint (NOT NULL, DEFAULT, CHECK, REFERENCES, …) but found 'NOT' at line 2, "
                + "column 9"),
        Arguments.of("REINDEX CONCURRENTLY idx", "REINDEX",
            "expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM but found 'CONCURRENTLY' at line 1, column 9"),
        Arguments.of("ALTER TYPE mood ADD VALUE happy", "ALTER TYPE",
            "expected the new enum label (a string literal) but found 'happy' at line 1, column 27"),
        Arguments.of("CREATE FOO bar", "CREATE",
            "expected a PostgreSQL statement but found 'CREATE' at line 1, column 1"),
        // An unterminated quoted name is empty: the reason says so, without Java class names (FuzzIT seed 1881284560626).
        Arguments.of("CREATE TABLE \"", "CREATE TABLE",
            "the reader could not model this statement: an object name must not be empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unparsed")
  void reportsWhyAStatementIsUnparsed(String sql, String kind, String reason) {
    Unparsed u = read(sql, Unparsed.class);
    assertEquals(kind, u.kind());
    assertEquals(reason, u.reason());
  }

  @Test
  void aReaderFailureSaysWhatWithoutInternals() {
    // Found by FuzzIT: a zero-length quoted identifier made the reason carry an exception class name.
    Unparsed u = read("ALTER TABLE \"\"x VALIDATE CONSTRAINT fk", Unparsed.class);
    assertEquals("the reader could not model this statement: an object name must not be empty", u.reason());
  }

  @Test
  void readsTrailingSemicolon() {
    assertEquals(new TransactionControl(Command.COMMIT, null, true), StatementReader.read("COMMIT AND CHAIN;"));
  }

  @Test
  void emptyTextIsUnparsed() {
    assertEquals(Statement.Coverage.UNPARSED, StatementReader.read("").coverage());
    assertEquals(Statement.Coverage.UNPARSED, StatementReader.read("  -- only a comment").coverage());
  }

  @Test
  void readsPlaceholdersAsNames() {
    assertEquals(new QualifiedName(":SCHEMA", "jobs"),
        read("create table :SCHEMA.jobs (id int)", dev.migrationmcp.tools.sql.model.CreateTable.class).name());
    assertEquals(new QualifiedName("${flyway:defaultSchema}", "t"),
        read("DROP TABLE ${flyway:defaultSchema}.t", DropObject.class).names().get(0));
    assertEquals(new QualifiedName("@extschema@", "f"),
        read("CREATE FUNCTION @extschema@.f() RETURNS int AS 'x' LANGUAGE sql", CreateRoutine.class).name());
    assertEquals("{{ index .Options \"Namespace\" }}",
        read("ALTER TABLE {{ index .Options \"Namespace\" }}.users ADD c int",
            dev.migrationmcp.tools.sql.model.AlterTable.class).table().schema());
  }

  @Test
  void unparsedPositionsReferToTheScript() {
    ReadScript script = ScriptReader.read("SELECT 1;\n\nALTER TABLE t\n    ADD COLUMN c int NOT NUL;");
    Unparsed u = (Unparsed) script.statements().get(1).statement();
    assertEquals("expected a column constraint (NOT NULL, DEFAULT, CHECK, REFERENCES, …) but found 'NOT' "
        + "at line 4, column 22", u.reason());
    assertNull(script.unparsed().isEmpty() ? "none" : null);
  }
}
