-- User triggers of the relations of relations.sql (not the clones a partitioned table's trigger
-- puts on its partitions). ?1: oid[] literal.
SELECT t.tgrelid::bigint AS oid, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled
FROM pg_trigger t
WHERE t.tgrelid IN (SELECT unnest(CAST(? AS oid[]))) AND NOT t.tgisinternal AND t.tgparentid = 0
ORDER BY t.oid
