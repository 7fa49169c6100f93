-- Installed extensions (plpgsql is in every database), in creation order so requirements come first.
SELECT e.extname AS name, n.nspname AS schema_name
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.oid
