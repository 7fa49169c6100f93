-- Sequences with their type and owning column. ?1, ?2: schema name or NULL.
SELECT n.nspname AS schema_name, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
       (SELECT tc.relname || '.' || a.attname FROM pg_depend d
          JOIN pg_class tc ON tc.oid = d.refobjid
          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
         WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1) AS owned_by
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND (CAST(? AS text) IS NULL OR n.nspname = CAST(? AS text))
ORDER BY n.nspname, c.relname
