-- Functions, procedures and aggregates, in creation order. Aggregates are named only (skipped).
-- needs_relations: the signature names a table's or view's row type, or a SQL-standard body
-- (BEGIN ATOMIC) reads a relation, so it can only be created once the relations exist.
SELECT format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS name,
       p.prokind::text AS kind,
       EXISTS (SELECT 1 FROM pg_depend d
                WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                  AND (d.refclassid = 'pg_class'::regclass
                       OR d.refclassid = 'pg_type'::regclass AND EXISTS (
                            SELECT 1 FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid
                             WHERE t.oid = d.refobjid AND c.relkind <> 'c'))) AS needs_relations,
       CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS definition
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
ORDER BY p.oid
