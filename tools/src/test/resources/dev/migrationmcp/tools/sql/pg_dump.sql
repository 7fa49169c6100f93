--
-- PostgreSQL database dump (written for the tests in the style pg_dump uses)
--

\restrict aBcDeF123

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

CREATE SCHEMA shop;

ALTER SCHEMA shop OWNER TO shop_owner;

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';

CREATE TYPE shop.order_status AS ENUM (
    'new',
    'paid',
    'shipped'
);

CREATE FUNCTION shop.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE shop.orders (
    id integer NOT NULL,
    customer_id bigint NOT NULL,
    status shop.order_status DEFAULT 'new'::shop.order_status NOT NULL,
    total numeric(12,2) DEFAULT 0 NOT NULL,
    note character varying(200),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone
);

CREATE SEQUENCE shop.orders_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE shop.orders_id_seq OWNED BY shop.orders.id;

ALTER TABLE ONLY shop.orders ALTER COLUMN id SET DEFAULT nextval('shop.orders_id_seq'::regclass);

COPY shop.orders (id, customer_id, status, total, note, created_at, updated_at) FROM stdin;
1	10	new	12.50	first; order	2024-01-01 00:00:00+00	\N
2	11	paid	99.00	\N	2024-01-02 00:00:00+00	\N
\.

SELECT pg_catalog.setval('shop.orders_id_seq', 2, true);

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);

CREATE INDEX orders_customer_id_idx ON shop.orders USING btree (customer_id);

CREATE UNIQUE INDEX orders_note_key ON shop.orders USING btree (lower((note)::text)) WHERE (note IS NOT NULL);

CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE RESTRICT;

REVOKE USAGE ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO PUBLIC;

\unrestrict aBcDeF123

--
-- PostgreSQL database dump complete
--
