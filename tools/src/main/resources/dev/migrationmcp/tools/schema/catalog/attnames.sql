-- Column names by number, to name the keys of constraints and indexes. ?1: oid[] literal.
SELECT a.attrelid::bigint AS oid, a.attnum AS num, a.attname AS name
FROM pg_attribute a
WHERE a.attrelid IN (SELECT unnest(CAST(? AS oid[]))) AND a.attnum > 0 AND NOT a.attisdropped
