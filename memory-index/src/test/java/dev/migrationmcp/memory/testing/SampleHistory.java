package dev.migrationmcp.memory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A generated project with a realistic history: three dozen Flyway migrations and five decision
 * records, each committed by a named author on a fixed date with the kind of message people
 * write. The question tests and the end-to-end test search it.
 */
public final class SampleHistory {
  public static final String MIGRATIONS = "db/migration";
  public static final String DECISIONS = "db/decisions";

  /** One step of history: files written (path relative to the project → content), then committed. */
  public record Step(String author, String date, String message, List<String[]> files) {}

  private SampleHistory() {}

  private static String[] migration(String name, String sql) {
    return new String[] {MIGRATIONS + "/" + name, sql};
  }

  private static String[] decision(String name, String markdown) {
    return new String[] {DECISIONS + "/" + name, markdown};
  }

  private static Step step(String author, String date, String message, String[]... files) {
    return new Step(author, date, message, List.of(files));
  }

  public static final List<Step> STEPS = List.of(
      step("Alice Chen", "2023-01-09T10:00:00+00:00", "Initial schema: users and accounts",
          migration("V1__create_users.sql", """
              -- Users of the shop. legacy_id links to the old PHP system until the import is done.
              CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE,
                legacy_id integer,
                created_at timestamptz NOT NULL DEFAULT now()
              );
              """),
          migration("V2__create_accounts.sql", """
              CREATE TABLE accounts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES users (id),
                balance_cents bigint NOT NULL DEFAULT 0
              );
              """)),
      step("Alice Chen", "2023-01-20T14:30:00+00:00", "Orders with a status enum",
          migration("V3__create_orders.sql", """
              CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
              CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES users (id),
                status order_status NOT NULL DEFAULT 'pending',
                total_cents bigint NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
              );
              """)),
      step("Bob Martins", "2023-02-02T09:15:00+00:00", "Products and order items",
          migration("V4__create_products.sql", """
              CREATE TABLE products (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sku text NOT NULL UNIQUE,
                name text NOT NULL,
                price_cents bigint NOT NULL
              );
              """),
          migration("V5__create_order_items.sql", """
              CREATE TABLE order_items (
                order_id bigint NOT NULL REFERENCES orders (id),
                product_id bigint NOT NULL REFERENCES products (id),
                quantity integer NOT NULL CHECK (quantity > 0),
                PRIMARY KEY (order_id, product_id)
              );
              """)),
      step("Bob Martins", "2023-02-15T11:00:00+00:00", "Event log for analytics",
          migration("V6__create_events.sql", """
              -- Append-only analytics events. payload is text for now: the producers send JSON strings.
              CREATE TABLE events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind text NOT NULL,
                payload text,
                occurred_at timestamptz NOT NULL DEFAULT now()
              );
              """)),
      step("Carla Jensen", "2023-03-01T16:45:00+00:00", "Payments table",
          migration("V7__create_payments.sql", """
              CREATE TYPE payment_status AS ENUM ('authorized', 'captured', 'refunded');
              CREATE TABLE payments (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                order_id bigint NOT NULL REFERENCES orders (id),
                user_id bigint NOT NULL,
                status payment_status NOT NULL,
                amount_cents bigint NOT NULL
              );
              """)),
      step("Carla Jensen", "2023-03-10T10:20:00+00:00", "Index payments by user for the account page",
          migration("V8__index_payments_user_id.sql", """
              CREATE INDEX CONCURRENTLY idx_payments_user_id ON payments (user_id);
              """)),
      step("Dana Ruiz", "2023-04-03T08:05:00+00:00",
          "Add index on orders.user_id\n\nThe order history page did a sequential scan of orders for every user "
              + "(p95 2.3 s). Built CONCURRENTLY so checkout keeps writing.",
          migration("V9__add_index_orders_user_id.sql", """
              -- The "my orders" page filters by user_id: without this index every request scans orders.
              CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);
              """)),
      step("Bob Martins", "2023-04-18T13:00:00+00:00", "Index orders by creation date for reports",
          migration("V10__index_orders_created_at.sql", """
              CREATE INDEX CONCURRENTLY idx_orders_created_at ON orders (created_at);
              """)),
      step("Alice Chen", "2023-05-05T09:30:00+00:00",
          "Track e-mail verification\n\nNeeded by the signup flow: unverified users cannot check out.",
          migration("V11__add_email_verified_at_to_users.sql", """
              ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
              """)),
      step("Dana Ruiz", "2023-05-22T15:10:00+00:00", "Copy legacy ids into the import mapping table",
          migration("V12__create_legacy_user_map.sql", """
              CREATE TABLE legacy_user_map (
                legacy_id integer PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES users (id)
              );
              INSERT INTO legacy_user_map (legacy_id, user_id) SELECT legacy_id, id FROM users WHERE legacy_id IS NOT NULL;
              """)),
      step("Carla Jensen", "2023-06-07T10:00:00+00:00", "Add shipped_at to orders",
          migration("V13__add_orders_shipped_at.sql", """
              ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
              """)),
      step("Alice Chen", "2023-07-12T11:25:00+00:00",
          "Stop using enums for order status\n\nALTER TYPE ... ADD VALUE cannot run inside a transaction on our "
              + "PostgreSQL and every new status needed a special migration. Status is now text with a CHECK "
              + "constraint; see decision 0002.",
          migration("V14__order_status_text_with_check.sql", """
              -- Replace the order_status enum with text + CHECK (decision 0002).
              ALTER TABLE orders ALTER COLUMN status TYPE text USING status::text;
              ALTER TABLE orders ADD CONSTRAINT orders_status_check
                CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')) NOT VALID;
              ALTER TABLE orders VALIDATE CONSTRAINT orders_status_check;
              DROP TYPE order_status;
              """),
          decision("0002-text-with-check-instead-of-enums-for-status.md", """
              ---
              title: Use text with a CHECK constraint instead of enum types for status columns
              date: 2023-07-10
              status: accepted
              tables: [orders, payments]
              migrations: [V14, V15]
              ---

              # Use text with a CHECK constraint instead of enum types for status columns

              ## Context

              Adding a value to a PostgreSQL enum (ALTER TYPE ... ADD VALUE) could not run inside a transaction
              on PostgreSQL 11, so every new order status needed a hand-written, non-transactional migration,
              and removing a value is impossible without recreating the type.

              ## Decision

              We stopped using enum types for status columns. Status columns are text with a CHECK constraint
              listing the allowed values; changing the list is an ordinary transactional migration
              (drop the constraint, add it NOT VALID, validate it).
              """)),
      step("Alice Chen", "2023-07-19T10:00:00+00:00", "Payments status to text as well (decision 0002)",
          migration("V15__payment_status_text.sql", """
              ALTER TABLE payments ALTER COLUMN status TYPE text USING status::text;
              ALTER TABLE payments ADD CONSTRAINT payments_status_check
                CHECK (status IN ('authorized', 'captured', 'refunded', 'voided'));
              DROP TYPE payment_status;
              """)),
      step("Bob Martins", "2023-08-02T09:00:00+00:00", "Index events by kind and time",
          migration("V16__index_events_kind_occurred_at.sql", """
              CREATE INDEX CONCURRENTLY idx_events_kind_occurred_at ON events (kind, occurred_at);
              """)),
      step("Bob Martins", "2023-09-14T22:00:00+00:00",
          "Rewrite events.payload as jsonb\n\nFull table rewrite under ACCESS EXCLUSIVE: ran in the Sunday "
              + "maintenance window, took 41 minutes on production (180M rows).",
          migration("V17__events_payload_jsonb.sql", """
              -- Converting payload to jsonb rewrites the whole events table; schedule it in a maintenance window.
              ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
              """)),
      step("Carla Jensen", "2023-10-03T10:30:00+00:00", "Coupons",
          migration("V18__create_coupons.sql", """
              CREATE TABLE coupons (
                code text PRIMARY KEY,
                percent_off integer NOT NULL CHECK (percent_off BETWEEN 1 AND 100),
                expires_at timestamptz
              );
              ALTER TABLE orders ADD COLUMN coupon_code text REFERENCES coupons (code);
              """)),
      step("Dana Ruiz", "2023-10-25T14:00:00+00:00", "Backfill legacy user map for late imports",
          migration("V19__backfill_legacy_user_map.sql", """
              INSERT INTO legacy_user_map (legacy_id, user_id)
              SELECT legacy_id, id FROM users WHERE legacy_id IS NOT NULL ON CONFLICT DO NOTHING;
              """)),
      step("Alice Chen", "2023-11-08T09:45:00+00:00", "Make users.email_verified_at visible in the admin view",
          migration("R__admin_users_view.sql", """
              CREATE OR REPLACE VIEW admin_users AS
              SELECT id, email, email_verified_at, created_at FROM users;
              """)),
      step("Dana Ruiz", "2023-12-04T11:00:00+00:00",
          "Drop users.legacy_id\n\nThe PHP import finished in November; legacy_user_map keeps the mapping "
              + "for support. Nothing reads the column any more (checked pg_stat_statements).",
          migration("V21__drop_users_legacy_id.sql", """
              ALTER TABLE users DROP COLUMN legacy_id;
              """),
          migration("U21__restore_users_legacy_id.sql", """
              ALTER TABLE users ADD COLUMN legacy_id integer;
              UPDATE users u SET legacy_id = m.legacy_id FROM legacy_user_map m WHERE m.user_id = u.id;
              """)),
      step("Bob Martins", "2024-01-15T10:00:00+00:00", "Addresses",
          migration("V22__create_addresses.sql", """
              CREATE TABLE addresses (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES users (id),
                line1 text NOT NULL,
                city text NOT NULL,
                country_code char(2) NOT NULL
              );
              CREATE INDEX idx_addresses_user_id ON addresses (user_id);
              """)),
      step("Carla Jensen", "2024-02-06T16:00:00+00:00", "Rename accounts.balance_cents to balance_minor_units",
          migration("V23__rename_balance_column.sql", """
              -- Currencies without cents (JPY) made the old name misleading.
              ALTER TABLE accounts RENAME COLUMN balance_cents TO balance_minor_units;
              """)),
      step("Bob Martins", "2024-02-20T21:30:00+00:00",
          "Reclaim space in events after the retention purge\n\nVACUUM FULL rewrote the table: 38 GB down to 9 GB.",
          migration("V24__purge_old_events.sql", """
              -- Retention is 18 months (decision 0004).
              DELETE FROM events WHERE occurred_at < now() - interval '18 months';
              """),
          decision("0004-event-retention-18-months.md", """
              ---
              title: Keep analytics events for 18 months
              date: 2024-02-19
              status: accepted
              tables: [events]
              migrations: [V24]
              ---

              # Keep analytics events for 18 months

              ## Decision

              Events older than 18 months are deleted by a monthly job; the first purge is migration V24.
              """)),
      step("Alice Chen", "2024-03-11T10:00:00+00:00", "Orders: not null on shipped_at is wrong, make total_cents not null check",
          migration("V25__orders_total_cents_positive.sql", """
              ALTER TABLE orders ADD CONSTRAINT orders_total_cents_positive CHECK (total_cents >= 0) NOT VALID;
              ALTER TABLE orders VALIDATE CONSTRAINT orders_total_cents_positive;
              """)),
      step("Dana Ruiz", "2024-04-02T09:00:00+00:00", "Soft delete for users",
          migration("V26__users_deleted_at.sql", """
              ALTER TABLE users ADD COLUMN deleted_at timestamptz;
              CREATE INDEX CONCURRENTLY idx_users_active_email ON users (email) WHERE deleted_at IS NULL;
              """)),
      step("Carla Jensen", "2024-05-14T13:20:00+00:00", "Product categories",
          migration("V27__create_categories.sql", """
              CREATE TABLE categories (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL UNIQUE
              );
              ALTER TABLE products ADD COLUMN category_id bigint;
              ALTER TABLE products ADD CONSTRAINT products_category_fk FOREIGN KEY (category_id)
                REFERENCES categories (id) NOT VALID;
              """),
          decision("0005-foreign-keys-not-valid-then-validate.md", """
              ---
              title: Add foreign keys NOT VALID, validate in a later migration
              date: 2024-05-13
              status: accepted
              tables: [products]
              migrations: [V27, V28]
              ---

              Adding a foreign key validates every row while holding locks on both tables. We add them NOT VALID
              and run VALIDATE CONSTRAINT in the next deployment.
              """)),
      step("Carla Jensen", "2024-05-21T10:00:00+00:00", "Validate products_category_fk",
          migration("V28__validate_products_category_fk.sql", """
              ALTER TABLE products VALIDATE CONSTRAINT products_category_fk;
              """)),
      step("Bob Martins", "2024-06-18T09:40:00+00:00", "Default currency on accounts",
          migration("V29__accounts_currency.sql", """
              ALTER TABLE accounts ADD COLUMN currency text NOT NULL DEFAULT 'EUR';
              """)),
      step("Alice Chen", "2024-07-09T15:00:00+00:00", "Order status: add refunded",
          migration("V30__order_status_add_refunded.sql", """
              -- Thanks to decision 0002 this is a plain transactional change of the CHECK constraint.
              ALTER TABLE orders DROP CONSTRAINT orders_status_check;
              ALTER TABLE orders ADD CONSTRAINT orders_status_check
                CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled', 'refunded')) NOT VALID;
              ALTER TABLE orders VALIDATE CONSTRAINT orders_status_check;
              """)),
      step("Dana Ruiz", "2024-08-20T10:10:00+00:00", "Newsletter opt-in flag",
          migration("V31__users_newsletter_opt_in.sql", """
              ALTER TABLE users ADD COLUMN newsletter_opt_in boolean NOT NULL DEFAULT false;
              """)),
      step("Bob Martins", "2024-09-03T11:00:00+00:00", "Backfill order totals from items",
          migration("V32__backfill_order_totals.sql", """
              -- Totals were wrong for orders created through the old API; recompute them from the items.
              UPDATE orders o SET total_cents = s.total
                FROM (SELECT order_id, sum(quantity * p.price_cents) AS total
                        FROM order_items i JOIN products p ON p.id = i.product_id GROUP BY order_id) s
               WHERE s.order_id = o.id AND o.created_at < '2024-06-01';
              """)),
      step("Carla Jensen", "2024-10-01T09:00:00+00:00", "Drop the unused coupons expiry index idea; add expires index",
          migration("V33__index_coupons_expires_at.sql", """
              CREATE INDEX CONCURRENTLY idx_coupons_expires_at ON coupons (expires_at);
              """)),
      step("Alice Chen", "2024-11-12T10:00:00+00:00", "Record how we ship schema changes",
          decision("0001-migrations-are-flyway-sql.md", """
              ---
              title: Schema changes are plain Flyway SQL migrations
              date: 2023-01-05
              status: accepted
              ---

              We write migrations as versioned SQL files under db/migration and review them like code.
              """),
          decision("0003-concurrent-indexes.md", """
              ---
              title: Build indexes CONCURRENTLY on large tables
              date: 2023-04-01
              status: accepted
              tables: [orders, payments, events]
              ---

              CREATE INDEX takes a SHARE lock that blocks writes for the whole build. On tables that take
              writes (orders, payments, events) we always use CREATE INDEX CONCURRENTLY in its own migration.
              """)));

  /** Writes every step into {@code project} and, with {@code git}, commits each one. */
  public static void write(Path project, Git git) {
    try {
      Files.createDirectories(project);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (git != null) {
      git.init();
    }
    for (Step step : STEPS) {
      for (String[] file : step.files()) {
        Path p = project.resolve(file[0]);
        try {
          Files.createDirectories(p.getParent());
          Files.writeString(p, file[1]);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (git != null) {
        git.commitAll(step.author(), step.date(), step.message());
      }
    }
  }
}
