-- A few rows so row estimates and sizes mean something.
INSERT INTO customers (email, full_name)
SELECT 'customer' || g || '@example.com', 'Customer ' || g FROM generate_series(1, 200) AS g;

INSERT INTO products (sku, name, price_cents)
SELECT 'SKU-' || g, 'Product ' || g, 100 * g FROM generate_series(1, 50) AS g;

INSERT INTO orders (customer_id, status, total_cents)
SELECT 1 + (g % 200), (ARRAY['pending', 'paid', 'shipped', 'cancelled']::order_status[])[1 + g % 4], 0
FROM generate_series(1, 1000) AS g;

INSERT INTO order_items (order_id, product_id, quantity, price_cents)
SELECT o.id, 1 + ((o.id * 7 + k) % 50), 1 + k, 100 * (1 + ((o.id * 7 + k) % 50))
FROM orders o CROSS JOIN generate_series(0, 2) AS k;

UPDATE orders o SET total_cents = s.total
FROM (SELECT order_id, sum(quantity * price_cents) AS total FROM order_items GROUP BY order_id) s
WHERE s.order_id = o.id;

ANALYZE;
