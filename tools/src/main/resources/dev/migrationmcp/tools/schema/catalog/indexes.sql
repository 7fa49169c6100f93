-- Indexes of the selected relations. ?1: oid[] literal.
SELECT i.indrelid::bigint AS oid, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition,
       i.indisunique AS is_unique, i.indisprimary AS is_primary, i.indisvalid AS is_valid,
       i.indpred IS NOT NULL AS partial, i.indexprs IS NOT NULL AS has_expressions,
       pg_relation_size(i.indexrelid) AS bytes, am.amname AS method,
       ARRAY(SELECT COALESCE(a.attname, '(expression)') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
             WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       pg_get_expr(i.indexprs, i.indrelid) AS expressions
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
WHERE i.indrelid = ANY (CAST(? AS oid[]))
ORDER BY i.indrelid, ic.relname
