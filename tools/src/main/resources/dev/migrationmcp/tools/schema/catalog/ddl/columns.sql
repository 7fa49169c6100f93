-- Columns of the relations of relations.sql. ?1: oid[] literal. Identity columns carry the
-- options of their sequence, so the copy's sequence has the live one's name and settings.
SELECT a.attrelid::bigint AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, a.attislocal AS is_local, a.attidentity::text AS identity,
       a.attgenerated::text AS generated, pg_get_expr(d.adbin, d.adrelid) AS expression,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
            THEN format('%I.%I', cn.nspname, co.collname) END AS collation,
       (SELECT format('SEQUENCE NAME %I.%I START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s%s',
                      sn.nspname, sc.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
                      CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END)
          FROM pg_depend dep
          JOIN pg_sequence s ON s.seqrelid = dep.objid
          JOIN pg_class sc ON sc.oid = s.seqrelid
          JOIN pg_namespace sn ON sn.oid = sc.relnamespace
         WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
           AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i'
         LIMIT 1) AS identity_options,
       col_description(a.attrelid, a.attnum) AS comment
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
WHERE a.attrelid IN (SELECT unnest(CAST(? AS oid[]))) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
