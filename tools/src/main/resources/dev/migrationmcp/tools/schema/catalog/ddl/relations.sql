-- Tables, partitioned tables, foreign tables, views and materialized views that no extension
-- owns, in creation order, with what their CREATE statement needs.
SELECT c.oid::bigint AS oid, format('%I.%I', n.nspname, c.relname) AS name, c.relkind::text AS kind,
       c.relpersistence = 'u' AS unlogged, c.relispartition AS is_partition,
       ARRAY(SELECT format('%I.%I', pn.nspname, p.relname) FROM pg_inherits i
               JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
              WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parents,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       array_to_string(c.reloptions, ', ') AS options,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS view_definition,
       c.relispopulated AS populated, c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.oid
