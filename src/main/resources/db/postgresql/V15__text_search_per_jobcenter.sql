-- Every text search is one jobcenter's. The trigram index over all texts made the planner intersect a
-- jobcenter's wishes with every other jobcenter's matches: a search for common words in a small jobcenter
-- read hundreds of thousands of index entries (0.5 s at 10 million wishes over 400 jobcenters). With the
-- jobcenter in the same GIN index (btree_gin, a trusted extension like pg_trgm), the index itself finds the
-- matches of one jobcenter, driven by the rarer of its entries.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX IF NOT EXISTS wish_jobcenter_text_trgm_idx ON wish USING gin (jobcenter, LOWER(text) gin_trgm_ops);
DROP INDEX IF EXISTS wish_text_trgm_idx;
