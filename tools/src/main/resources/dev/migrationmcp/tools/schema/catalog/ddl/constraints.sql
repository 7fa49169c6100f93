-- Primary key, unique, check, exclusion and foreign key constraints of the relations of
-- relations.sql. ?1: oid[] literal. parent_index: the partitioned index a partition's
-- constraint index is attached to.
SELECT con.conrelid::bigint AS oid, con.conname AS name, con.contype::text AS type,
       pg_get_constraintdef(con.oid) AS definition, con.conislocal AS is_local, con.conparentid <> 0 AS inherited,
       (SELECT format('%I.%I', n.nspname, ic.relname) FROM pg_class ic JOIN pg_namespace n ON n.oid = ic.relnamespace
         WHERE ic.oid = con.conindid) AS index_name,
       (SELECT format('%I.%I', pn.nspname, pi.relname) FROM pg_inherits i
          JOIN pg_class pi ON pi.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pi.relnamespace
         WHERE i.inhrelid = con.conindid) AS parent_index
FROM pg_constraint con
WHERE con.conrelid IN (SELECT unnest(CAST(? AS oid[]))) AND con.contype IN ('p', 'u', 'c', 'f', 'x')
ORDER BY con.oid
