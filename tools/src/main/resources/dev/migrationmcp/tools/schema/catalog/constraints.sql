-- Constraints on, or foreign keys pointing at, the selected relations.
-- ?1: whether definitions are wanted; ?2, ?3: oid[] literal. Keys come as attnums, named in Java.
SELECT con.conrelid::bigint AS oid, con.conname AS name, con.contype::text AS type,
       CASE WHEN CAST(? AS boolean) THEN pg_get_constraintdef(con.oid, true) END AS definition,
       con.convalidated AS validated, con.conkey::int2[] AS keys,
       rn.nspname AS schema_name, r.relname AS table_name,
       fn.nspname AS ref_schema, f.relname AS ref_table, con.confkey::int2[] AS ref_keys,
       con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
       con.confrelid::bigint AS ref_oid
FROM pg_constraint con
JOIN pg_class r ON r.oid = con.conrelid
JOIN pg_namespace rn ON rn.oid = r.relnamespace
LEFT JOIN pg_class f ON f.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = f.relnamespace
WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
  AND (con.conrelid IN (SELECT unnest(CAST(? AS oid[]))) OR con.confrelid IN (SELECT unnest(CAST(? AS oid[]))))
  AND (con.contype <> 'f' OR con.conparentid = 0)
ORDER BY con.conrelid, con.conname
