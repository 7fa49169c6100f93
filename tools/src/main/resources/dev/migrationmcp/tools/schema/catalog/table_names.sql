-- Table names for argument completion: tables, partitioned tables, views, materialized views and
-- foreign tables, unqualified in public and schema-qualified elsewhere, that start with ?1
-- (case-insensitive), in byte order. ?2: how many to return. One index-backed scan of pg_class, no per-table work.
SELECT name FROM (
  SELECT CASE WHEN n.nspname = 'public' THEN c.relname::text ELSE n.nspname || '.' || c.relname END AS name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
) t
WHERE starts_with(lower(name), lower(CAST(? AS text)))
ORDER BY name COLLATE "C"
LIMIT ?
