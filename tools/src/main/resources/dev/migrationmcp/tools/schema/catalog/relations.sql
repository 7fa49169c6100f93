-- Every table, view, materialized view and sequence outside the system schemas.
-- ?1, ?2: schema name or NULL for all user schemas. Sizes come from sizes.sql.
SELECT c.oid::bigint AS oid, n.nspname AS schema_name, c.relname AS name, c.relkind::text AS kind,
       GREATEST(c.reltuples, -1)::bigint AS rows_estimate, c.reltoastrelid::bigint AS toast_oid,
       CASE WHEN c.relispartition THEN (SELECT pn.nspname || '.' || p.relname FROM pg_inherits i
          JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
          WHERE i.inhrelid = c.oid LIMIT 1) END AS partition_of,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       d.description AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'
  AND (CAST(? AS text) IS NULL OR n.nspname = CAST(? AS text))
ORDER BY n.nspname, c.relname
