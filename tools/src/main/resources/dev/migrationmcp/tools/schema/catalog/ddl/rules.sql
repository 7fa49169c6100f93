-- Rewrite rules other than the ones that make views. ?1: oid[] literal.
SELECT r.ev_class::bigint AS oid, r.rulename AS name, pg_get_ruledef(r.oid) AS definition
FROM pg_rewrite r
WHERE r.ev_class IN (SELECT unnest(CAST(? AS oid[]))) AND r.rulename <> '_RETURN'
ORDER BY r.oid
