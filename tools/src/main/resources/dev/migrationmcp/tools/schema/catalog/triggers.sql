-- User triggers of the selected relations. ?1: oid[] literal.
SELECT t.tgrelid::bigint AS oid, t.tgname AS name, pg_get_triggerdef(t.oid, true) AS definition,
       t.tgenabled <> 'D' AS enabled
FROM pg_trigger t
WHERE t.tgrelid IN (SELECT unnest(CAST(? AS oid[]))) AND NOT t.tgisinternal
ORDER BY t.tgrelid, t.tgname
