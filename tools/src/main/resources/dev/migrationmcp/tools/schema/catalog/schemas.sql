-- User schemas (including empty ones). ?1, ?2: schema name or NULL.
SELECT n.nspname AS name
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'
  AND (CAST(? AS text) IS NULL OR n.nspname = CAST(? AS text))
ORDER BY n.nspname
