package dev.migrationmcp.tools.schema.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.schema.SchemaDiff;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.testing.PostgresExtension;
import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proof that the copy is faithful: a rich schema, copied from its catalog into an empty
 * database, reads back (SchemaIntrospector) with an empty SchemaDiff, and the objects the snapshot
 * does not carry (functions, domains, composite types, sequences' options) read back equal too.
 */
@PostgresTest
class SchemaCopyTest {
  static final String RICH_SCHEMA = """
      CREATE EXTENSION IF NOT EXISTS pgcrypto;
      CREATE SCHEMA billing;
      CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
      CREATE DOMAIN positive_int AS integer NOT NULL DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0);
      CREATE TYPE billing.money_pair AS (amount numeric(12,2), currency char(3));
      CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
      CREATE SEQUENCE billing.invoice_no AS integer START WITH 1000 INCREMENT BY 5;
      CREATE TABLE accounts (
        id bigint GENERATED ALWAYS AS IDENTITY (START WITH 7 INCREMENT BY 2) PRIMARY KEY,
        email text COLLATE "C" NOT NULL,
        feeling mood DEFAULT 'ok',
        credits positive_int,
        first_name text, last_name text,
        full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
        token text DEFAULT encode(gen_random_bytes(8), 'hex'),
        CONSTRAINT email_has_at CHECK (position('@' in email) > 1),
        CONSTRAINT email_unique UNIQUE (email));
      COMMENT ON TABLE accounts IS 'who pays';
      COMMENT ON COLUMN accounts.email IS 'login, unique';
      CREATE TABLE billing.invoices (
        no integer NOT NULL DEFAULT nextval('billing.invoice_no'),
        account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        total billing.money_pair,
        serial_id serial,
        PRIMARY KEY (no));
      ALTER SEQUENCE billing.invoice_no OWNED BY billing.invoices.no;
      CREATE TABLE events (
        id bigint NOT NULL, at timestamptz NOT NULL, account_id bigint REFERENCES accounts (id),
        payload jsonb, kind text DEFAULT 'plain' CHECK (kind <> ''),
        PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE events_2026 (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      ALTER TABLE events_2026 ALTER COLUMN kind SET DEFAULT 'newer';
      ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
      CREATE INDEX events_account_idx ON events (account_id);
      CREATE INDEX events_2026_payload_idx ON events_2026 USING gin (payload);
      CREATE INDEX accounts_lower_email_idx ON accounts (lower(email)) WHERE feeling <> 'sad';
      CREATE UNIQUE INDEX accounts_token_idx ON accounts (token) INCLUDE (id) WITH (fillfactor = 70);
      CREATE VIEW happy_accounts AS SELECT id, email FROM accounts WHERE feeling = 'happy';
      CREATE VIEW happy_emails WITH (security_barrier) AS SELECT email FROM happy_accounts WHERE email LIKE '%@%';
      CREATE MATERIALIZED VIEW billing.totals AS
        SELECT account_id, count(*) AS invoices FROM billing.invoices GROUP BY account_id;
      CREATE UNIQUE INDEX totals_account_idx ON billing.totals (account_id);
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.last_name := coalesce(NEW.last_name, 'unknown'); RETURN NEW; END $$;
      CREATE FUNCTION billing.invoices_of(acc bigint) RETURNS SETOF billing.invoices LANGUAGE sql STABLE
        AS $$ SELECT * FROM billing.invoices WHERE account_id = acc $$;
      CREATE PROCEDURE billing.noop(x int) LANGUAGE sql AS $$ SELECT x $$;
      CREATE TRIGGER accounts_touch BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
      CREATE TRIGGER accounts_touch_later AFTER DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
      ALTER TABLE accounts DISABLE TRIGGER accounts_touch_later;
      CREATE TABLE legacy_parent (id int, note text DEFAULT 'p');
      CREATE TABLE legacy_child (extra int) INHERITS (legacy_parent);
      CREATE TABLE "Odd Name" ("Mixed Case" int, "select" text);
      ALTER TABLE "Odd Name" ADD CONSTRAINT "Positive" CHECK ("Mixed Case" > 0) NOT VALID;
      CREATE STATISTICS accounts_names (dependencies) ON first_name, last_name FROM accounts;
      INSERT INTO accounts (email, first_name, last_name) VALUES ('a@example.com', 'A', 'B');
      """;

  private static SchemaCopyScript script;
  private static DatabaseUrl copy;
  private static List<SkippedObject> skipped;

  @BeforeAll
  static void copyTheSchema(TestDatabase live) throws SQLException {
    live.execute(RICH_SCHEMA);
    try (Connection c = live.connect()) {
      script = CatalogDdl.read(c, 30_000);
    }
    copy = emptyDatabase(live.url().database() + "_copy");
    try (Connection c = Databases.connect(copy)) {
      skipped = SchemaCopier.apply(c, script);
    }
  }

  private static final List<String> created = new ArrayList<>();

  /** A fresh database beside the test class's own, dropped after the class. */
  static DatabaseUrl emptyDatabase(String name) throws SQLException {
    try (Connection c = Databases.connect(PostgresExtension.serverUrl()); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    }
    created.add(name);
    return PostgresExtension.serverUrl().withDatabase(name);
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    try (Connection c = Databases.connect(PostgresExtension.serverUrl()); Statement s = c.createStatement()) {
      for (String name : created) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  private static SchemaSnapshot snapshot(DatabaseUrl url) throws SQLException {
    try (Connection c = Databases.connect(url)) {
      return new SchemaIntrospector(c).snapshot();
    }
  }

  @Test
  void copyReadsBackWithAnEmptySchemaDiff(TestDatabase live) throws SQLException {
    assertEquals(List.of(), skipped, script.text());
    SchemaDiff diff = SchemaDiff.between(snapshot(live.url()), snapshot(copy));
    assertTrue(diff.isEmpty(), String.join("\n", diff.lines()) + "\n--- script:\n" + script.text());
  }

  @Test
  void copiesWhatTheSnapshotDoesNotCarry(TestDatabase live) throws SQLException {
    assertEquals(catalogFacts(live.url()), catalogFacts(copy));
  }

  @Test
  void copyHasNoRows() throws SQLException {
    try (Connection c = Databases.connect(copy); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM public.accounts")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void readingTheCatalogTwiceGivesTheSameFingerprint(TestDatabase live) throws SQLException {
    try (Connection c = live.connect()) {
      assertEquals(script.fingerprint(), CatalogDdl.read(c, 30_000).fingerprint());
    }
  }

  @Test
  void rowsDoNotChangeTheFingerprintButASchemaChangeDoes(TestDatabase live) throws SQLException {
    live.execute("INSERT INTO accounts (email) VALUES ('b@example.com')");
    try (Connection c = live.connect()) {
      assertEquals(script.fingerprint(), CatalogDdl.read(c, 30_000).fingerprint());
    }
    live.execute("CREATE TABLE scratch_fp (id int)");
    try (Connection c = live.connect()) {
      assertNotEquals(script.fingerprint(), CatalogDdl.read(c, 30_000).fingerprint());
    } finally {
      live.execute("DROP TABLE scratch_fp");
    }
  }

  @Test
  void copiesPartitionTreesConstraintsAndFunctionsThatNeedTables() throws SQLException {
    TestDatabase live = new TestDatabase(emptyDatabase(copy.database() + "_parts"));
    live.execute("""
        CREATE TYPE state AS ENUM ('open', 'closed');
        CREATE DOMAIN state_d AS state DEFAULT 'open';
        CREATE TABLE regions (code text PRIMARY KEY);
        CREATE FUNCTION default_region() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'eu' $$;
        CREATE TABLE tickets (
          id bigint NOT NULL, region text NOT NULL DEFAULT default_region() REFERENCES regions (code) DEFERRABLE INITIALLY DEFERRED,
          opened date NOT NULL, state state_d, tags state[],
          PRIMARY KEY (id, region, opened)) PARTITION BY LIST (region);
        CREATE TABLE tickets_eu PARTITION OF tickets FOR VALUES IN ('eu') PARTITION BY RANGE (opened);
        CREATE TABLE tickets_eu_2025 PARTITION OF tickets_eu FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE TABLE tickets_eu_rest PARTITION OF tickets_eu DEFAULT;
        CREATE TABLE tickets_other PARTITION OF tickets DEFAULT;
        CREATE INDEX tickets_opened_idx ON ONLY tickets (opened);
        CREATE INDEX my_own_name ON tickets_other (opened);
        ALTER INDEX tickets_opened_idx ATTACH PARTITION my_own_name;
        CREATE INDEX tickets_eu_opened_idx ON tickets_eu (opened);
        ALTER INDEX tickets_opened_idx ATTACH PARTITION tickets_eu_opened_idx;
        CREATE TABLE buckets (id int NOT NULL, v text) PARTITION BY HASH (id);
        CREATE TABLE buckets_0 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
        CREATE TABLE buckets_1 PARTITION OF buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);
        ALTER TABLE buckets ADD CONSTRAINT buckets_pk PRIMARY KEY (id);
        CREATE TABLE notes (id int PRIMARY KEY, bucket int REFERENCES buckets (id) ON UPDATE CASCADE);
        CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER tickets_audit AFTER INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION audit();
        CREATE FUNCTION latest(t tickets) RETURNS date LANGUAGE sql AS $$ SELECT t.opened $$;
        CREATE VIEW open_tickets AS SELECT id, opened FROM tickets WHERE state::state = 'open' WITH CASCADED CHECK OPTION;
        CREATE UNLOGGED TABLE scratch (id int, during tstzrange, CONSTRAINT positive CHECK (id > 0) NO INHERIT,
          CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
        CREATE TABLE base (id int CONSTRAINT base_id CHECK (id > 0));
        CREATE TABLE derived (id int CONSTRAINT base_id CHECK (id > 0), extra text NOT NULL) INHERITS (base);
        CREATE SCHEMA "Other Schema";
        CREATE TABLE "Other Schema"."Mixed" (id int PRIMARY KEY, parent int REFERENCES "Other Schema"."Mixed");""");
    // One statement on its own: the driver's script splitter does not know SQL-standard bodies.
    live.execute("CREATE FUNCTION open_count() RETURNS bigint LANGUAGE sql STABLE "
        + "BEGIN ATOMIC SELECT count(*) FROM tickets WHERE state::state = 'open'; END");
    DatabaseUrl target = emptyDatabase(copy.database() + "_parts_copy");
    SchemaCopyScript parts;
    try (Connection c = live.connect()) {
      parts = CatalogDdl.read(c, 30_000);
    }
    try (Connection c = Databases.connect(target)) {
      assertEquals(List.of(), SchemaCopier.apply(c, parts), parts.text());
    }
    SchemaDiff diff = SchemaDiff.between(snapshot(live.url()), snapshot(target));
    assertTrue(diff.isEmpty(), String.join("\n", diff.lines()) + "\n--- script:\n" + parts.text());
    assertEquals(catalogFacts(live.url()), catalogFacts(target));
  }

  @Test
  void listsWhatItCannotCopyWithTheReason() throws SQLException {
    TestDatabase other = new TestDatabase(emptyDatabase(copy.database() + "_odd"));
    other.execute("""
        CREATE AGGREGATE my_sum (int) (sfunc = int4pl, stype = int);
        CREATE TABLE kept (id int);
        CREATE VIEW broken_on_copy AS SELECT id FROM kept;""");
    SchemaCopyScript odd;
    try (Connection c = other.connect()) {
      odd = CatalogDdl.read(c, 30_000);
    }
    assertTrue(odd.skipped().stream().anyMatch(s -> s.kind().equals("aggregate") && s.name().contains("my_sum")),
        odd.skipped().toString());
    // A statement the shadow refuses is reported, and the rest of the copy is still built.
    List<DdlStep> steps = new ArrayList<>(odd.steps());
    steps.add(0, new DdlStep("extension", "mmcp_no_such_extension",
        "CREATE EXTENSION IF NOT EXISTS mmcp_no_such_extension WITH SCHEMA public CASCADE"));
    steps.add(new DdlStep("view", "public.impossible", "CREATE VIEW public.impossible AS SELECT * FROM public.nowhere"));
    DatabaseUrl target = emptyDatabase(copy.database() + "_odd_copy");
    try (Connection c = Databases.connect(target)) {
      List<SkippedObject> refused = SchemaCopier.apply(c, new SchemaCopyScript(steps, odd.skipped()));
      assertEquals(2, refused.size(), refused.toString());
      assertTrue(refused.get(0).reason().contains("not available on the shadow server"), refused.toString());
      assertTrue(refused.get(1).reason().contains("nowhere"), refused.toString());
    }
    assertTrue(SchemaDiff.between(snapshot(other.url()), snapshot(target)).isEmpty());
  }

  /** Functions, domains, composite and range types, sequences: compared through the catalog. */
  private static List<String> catalogFacts(DatabaseUrl url) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = Databases.connect(url); Statement s = c.createStatement()) {
      s.execute("SET search_path = ''");
      for (String sql : List.of("""
          SELECT p.oid::regprocedure::text || ' ' || pg_get_functiondef(p.oid) FROM pg_proc p
          JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname IN ('public', 'billing') AND p.prokind <> 'a'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1""", """
          SELECT t.typname || ' ' || t.typtype::text || ' ' || format_type(t.typbasetype, t.typtypmod) || ' ' || t.typnotnull
                 || ' ' || coalesce(pg_get_expr(t.typdefaultbin, 0), '') || ' ' || coalesce((SELECT string_agg(pg_get_constraintdef(con.oid), ',')
                 FROM pg_constraint con WHERE con.contypid = t.oid), '')
                 || ' ' || coalesce((SELECT string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum)
                 FROM pg_attribute a WHERE a.attrelid = t.typrelid AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'), '')
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname IN ('public', 'billing') AND t.typtype IN ('d', 'c', 'r') ORDER BY 1""", """
          SELECT c.relname || ' ' || s.seqstart || ' ' || s.seqincrement || ' ' || s.seqmin || ' ' || s.seqmax
          FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid ORDER BY 1""", """
          SELECT c.relname || ' ' || t.tgname || ' ' || t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE NOT t.tgisinternal ORDER BY 1""", """
          SELECT stxname FROM pg_statistic_ext ORDER BY 1""", """
          SELECT c.relname || '.' || a.attname || ' ' || coalesce(col_description(c.oid, a.attnum), '')
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
          WHERE col_description(c.oid, a.attnum) IS NOT NULL ORDER BY 1""")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }
}
