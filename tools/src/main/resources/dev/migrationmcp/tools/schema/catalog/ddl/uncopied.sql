-- Objects the copy does not reproduce, named so the report can list them.
SELECT 'policy' AS kind, format('%I.%I %I', schemaname, tablename, policyname) AS name,
       'row-level security policies name roles the shadow server may not have' AS reason
FROM pg_policies
UNION ALL
SELECT 'collation', format('%I.%I', n.nspname, c.collname), 'user-defined collations are not copied'
FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_collation'::regclass AND d.objid = c.oid AND d.deptype = 'e')
UNION ALL
SELECT 'operator', format('%I.%s', n.nspname, o.oprname), 'user-defined operators are not copied'
FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.deptype = 'e')
UNION ALL
SELECT 'event trigger', quote_ident(evtname), 'event triggers are not copied' FROM pg_event_trigger
WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_event_trigger'::regclass AND d.objid = pg_event_trigger.oid AND d.deptype = 'e')
UNION ALL
SELECT 'text search configuration', format('%I.%I', n.nspname, c.cfgname), 'text search configurations are not copied'
FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_ts_config'::regclass AND d.objid = c.oid AND d.deptype = 'e')
