-- View definitions of the selected views. ?1: oid[] literal.
SELECT c.oid::bigint AS oid, pg_get_viewdef(c.oid, true) AS definition
FROM pg_class c
WHERE c.oid IN (SELECT unnest(CAST(? AS oid[]))) AND c.relkind IN ('v', 'm')
