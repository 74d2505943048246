-- PostgreSQL only (H2 in dev mode searches without an index): trigram index for the wish list's
-- q search, which looks for words anywhere in the text (LOWER(text) LIKE '%word%').
-- pg_trgm is a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX wish_text_trgm_idx ON wish USING gin (LOWER(text) gin_trgm_ops);
