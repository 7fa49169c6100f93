-- Bytes on disk of the selected tables, their TOAST tables and their indexes, each with the table
-- it belongs to. Like the row estimates, sizes come from the planner statistics (relpages, kept
-- current by VACUUM, ANALYZE, autovacuum and CREATE INDEX): no lock is taken, where
-- pg_relation_size locks and opens every relation — thousands of locks in one transaction on a
-- big schema. A relation without statistics (reltuples < 0: never vacuumed or analyzed) is
-- measured exactly — except TOAST tables, which autovacuum skips while they are empty, so
-- thousands of never-vacuumed ones are normal and their relpages (0) is right.
-- ?1: oid[] literal of tables.
WITH sel AS (SELECT unnest(CAST(? AS oid[])) AS oid),
rels AS (
  SELECT c.oid, c.oid AS table_oid FROM pg_class c WHERE c.oid IN (SELECT oid FROM sel)
  UNION ALL
  SELECT t.reltoastrelid, t.oid FROM pg_class t WHERE t.oid IN (SELECT oid FROM sel) AND t.reltoastrelid <> 0
  UNION ALL
  SELECT i.indexrelid, i.indrelid FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM sel)
)
SELECT r.oid::bigint AS oid, r.table_oid::bigint AS table_oid,
       CASE WHEN c.relpages > 0 OR c.relkind = 't'
              OR c.reltuples >= 0 AND current_setting('server_version_num')::int >= 140000
            THEN c.relpages::bigint * current_setting('block_size')::bigint
            ELSE pg_relation_size(c.oid) END AS bytes
FROM rels r JOIN pg_class c ON c.oid = r.oid
