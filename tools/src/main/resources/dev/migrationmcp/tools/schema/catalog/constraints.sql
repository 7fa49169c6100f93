-- Constraints on, or foreign keys pointing at, the selected relations. ?1, ?2: oid[] literal.
SELECT con.conrelid::bigint AS oid, con.conname AS name, con.contype::text AS type,
       pg_get_constraintdef(con.oid, true) AS definition, con.convalidated AS validated,
       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
       rn.nspname AS schema_name, r.relname AS table_name,
       fn.nspname AS ref_schema, f.relname AS ref_table,
       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns,
       con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
       con.confrelid::bigint AS ref_oid
FROM pg_constraint con
JOIN pg_class r ON r.oid = con.conrelid
JOIN pg_namespace rn ON rn.oid = r.relnamespace
LEFT JOIN pg_class f ON f.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = f.relnamespace
WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
  AND (con.conrelid = ANY (CAST(? AS oid[])) OR con.confrelid = ANY (CAST(? AS oid[])))
  AND (con.contype <> 'f' OR con.conparentid = 0)
ORDER BY con.conrelid, con.conname
