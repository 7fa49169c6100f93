-- Reporting view used by the support dashboard.
CREATE VIEW customer_order_totals AS
SELECT c.id AS customer_id, c.email, count(o.id) AS orders, coalesce(sum(o.total_cents), 0) AS total_cents
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.email;

-- An append-only audit trail, written by the application (no primary key on purpose, for now).
CREATE TABLE audit_log (
    happened_at  timestamptz NOT NULL DEFAULT now(),
    actor        text        NOT NULL,
    action       text        NOT NULL,
    details      jsonb
);
