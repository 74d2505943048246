-- The wish list is read newest first (submitted_on, then id to break ties), usually narrowed by one
-- filter. Each index lets PostgreSQL walk a filter's wishes in that order and stop after one page,
-- instead of sorting every match.
DROP INDEX wish_submitted_on_idx;
DROP INDEX wish_status_submitted_on_idx;
CREATE INDEX wish_submitted_on_id_idx ON wish (submitted_on, id);
CREATE INDEX wish_status_submitted_on_id_idx ON wish (status, submitted_on, id);
CREATE INDEX wish_topic_submitted_on_id_idx ON wish (topic, submitted_on, id);
CREATE INDEX wish_target_group_submitted_on_id_idx ON wish (target_group, submitted_on, id);
CREATE INDEX wish_language_submitted_on_id_idx ON wish (language, submitted_on, id);
