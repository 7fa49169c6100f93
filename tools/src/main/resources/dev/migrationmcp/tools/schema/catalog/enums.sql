-- Enum types with their labels in sort order. ?1, ?2: schema name or NULL.
SELECT n.nspname AS schema_name, t.typname AS name,
       ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND (CAST(? AS text) IS NULL OR n.nspname = CAST(? AS text))
ORDER BY n.nspname, t.typname
