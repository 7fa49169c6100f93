-- Enums, domains, composite types, range types and other user types, in creation order.
-- Array and multirange types come with their element/range type and are left out.
SELECT t.oid::bigint AS oid, t.typtype::text AS kind, format('%I.%I', n.nspname, t.typname) AS name,
       ARRAY(SELECT quote_literal(e.enumlabel) FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       t.typnotnull AS not_null, pg_get_expr(t.typdefaultbin, 0) AS default_value,
       CASE WHEN t.typtype = 'd' AND t.typcollation <> 0 AND t.typcollation <> bt.typcollation
            THEN format('%I.%I', cn.nspname, co.collname) END AS collation,
       ARRAY(SELECT format('CONSTRAINT %I %s', con.conname, pg_get_constraintdef(con.oid))
               FROM pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname) AS checks,
       ARRAY(SELECT format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
                    || CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                            THEN (SELECT format(' COLLATE %I.%I', acn.nspname, aco.collname) FROM pg_collation aco
                                  JOIN pg_namespace acn ON acn.oid = aco.collnamespace WHERE aco.oid = a.attcollation)
                            ELSE '' END
               FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
              WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS attributes,
       CASE WHEN t.typtype = 'r' THEN format_type(r.rngsubtype, NULL) END AS subtype,
       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_range r ON r.rngtypid = t.oid
WHERE t.typtype IN ('e', 'd', 'c', 'r', 'b')
  AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
  AND NOT (t.typtype = 'b' AND t.typelem <> 0
           AND EXISTS (SELECT 1 FROM pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid))
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY t.oid
