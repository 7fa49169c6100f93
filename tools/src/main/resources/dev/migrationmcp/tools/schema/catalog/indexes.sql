-- Indexes of the selected relations. ?1: whether definitions are wanted; ?2, ?3: oid[] literal.
-- pg_get_indexdef costs ~60 µs an index; for the common plain index (key columns only, default
-- operator classes, collations and options, no expressions, predicate, INCLUDE or storage
-- parameters) the definition is spelled in Java instead (`plain`), which the tests check against
-- pg_get_indexdef. Without definitions, `shape` still identifies duplicates.
WITH sel AS (SELECT unnest(CAST(? AS oid[])) AS oid),
default_opclasses AS (SELECT array_agg(oid) AS oids FROM pg_opclass WHERE opcdefault),
odd_collations AS (
  SELECT DISTINCT a.attrelid FROM pg_attribute a
  WHERE a.attrelid IN (SELECT oid FROM sel) AND a.attcollation NOT IN (0, 100)
)
SELECT i.indrelid::bigint AS oid, i.indexrelid::bigint AS index_oid, ic.relname AS name,
       i.indexprs IS NULL AND i.indpred IS NULL AND i.indnatts = i.indnkeyatts AND ic.reloptions IS NULL
         AND t.relkind = 'r' AND i.indoption::int2[] <@ '{0}'::int2[] AND i.indcollation::oid[] <@ '{0,100}'::oid[]
         AND i.indclass::oid[] <@ (SELECT oids FROM default_opclasses)
         AND i.indrelid NOT IN (SELECT attrelid FROM odd_collations) /*NULLS_DISTINCT*/ AS plain,
       CASE WHEN CAST(? AS boolean) THEN
         CASE WHEN i.indexprs IS NULL AND i.indpred IS NULL AND i.indnatts = i.indnkeyatts AND ic.reloptions IS NULL
           AND t.relkind = 'r' AND i.indoption::int2[] <@ '{0}'::int2[] AND i.indcollation::oid[] <@ '{0,100}'::oid[]
           AND i.indclass::oid[] <@ (SELECT oids FROM default_opclasses)
           AND i.indrelid NOT IN (SELECT attrelid FROM odd_collations) /*NULLS_DISTINCT*/
         THEN NULL ELSE pg_get_indexdef(i.indexrelid) END END AS definition,
       i.indisunique AS is_unique, i.indisprimary AS is_primary, i.indisvalid AS is_valid,
       i.indpred IS NOT NULL AS partial, i.indnkeyatts AS key_count, am.amname AS method,
       i.indkey::int2[] AS keys, n.nspname AS schema_name, t.relname AS table_name,
       concat_ws('|', am.amname, i.indkey::text, i.indclass::text, i.indoption::text, i.indcollation::text,
                 pg_get_expr(i.indexprs, i.indrelid), pg_get_expr(i.indpred, i.indrelid)) AS shape
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE i.indrelid IN (SELECT oid FROM sel)
ORDER BY i.indrelid, ic.relname
