-- Extended statistics objects (CREATE STATISTICS).
SELECT format('%I.%I', n.nspname, s.stxname) AS name, pg_get_statisticsobjdef(s.oid) AS definition
FROM pg_statistic_ext s
JOIN pg_namespace n ON n.oid = s.stxnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_statistic_ext'::regclass AND d.objid = s.oid AND d.deptype = 'e')
ORDER BY s.oid
