\set ON_ERROR_STOP on
\set schema app

BEGIN;

CREATE TABLE :schema.events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "action" text NOT NULL,
    path text,
    local boolean DEFAULT false,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL
) PARTITION BY RANGE (id);

CREATE TABLE :schema.events_1 PARTITION OF :schema.events FOR VALUES FROM (1) TO (1000000);

CREATE FUNCTION :schema.event_count() RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM app.events;
END;

DO $do$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN
        EXECUTE $sql$CREATE ROLE reader$sql$;
    END IF;
END
$do$;

\i other_file.sql

COMMIT AND CHAIN;
ROLLBACK;
