-- Indexes that no constraint owns, of the relations of relations.sql. ?1: oid[] literal.
-- parent_index: the partitioned index this one is attached to.
SELECT i.indrelid::bigint AS oid, format('%I.%I', n.nspname, ic.relname) AS name,
       pg_get_indexdef(i.indexrelid) AS definition, i.indisvalid AS valid,
       (SELECT format('%I.%I', pn.nspname, pi.relname) FROM pg_inherits inh
          JOIN pg_class pi ON pi.oid = inh.inhparent JOIN pg_namespace pn ON pn.oid = pi.relnamespace
         WHERE inh.inhrelid = i.indexrelid) AS parent_index
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE i.indrelid IN (SELECT unnest(CAST(? AS oid[])))
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                    AND con.contype IN ('p', 'u', 'x'))
ORDER BY i.indexrelid
