-- One installation serves one or many jobcenters. Every wish, every count of released wishes and every audit
-- event belongs to one; what a database held before belongs to the installation's default jobcenter.
CREATE TABLE jobcenter (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_on  DATE         NOT NULL
);
INSERT INTO jobcenter (code, name, created_on) VALUES ('default', 'Jobcenter', CURRENT_DATE);

-- A constant default fills the existing rows without rewriting the table; it is dropped again, so that
-- no new wish can land in the default jobcenter by omission.
ALTER TABLE wish ADD COLUMN jobcenter VARCHAR(40) DEFAULT 'default' NOT NULL;
ALTER TABLE wish ALTER COLUMN jobcenter DROP DEFAULT;
ALTER TABLE wish ADD CONSTRAINT wish_jobcenter_fk FOREIGN KEY (jobcenter) REFERENCES jobcenter (code);

-- Every staff list is one jobcenter's: the list indexes lead with it.
DROP INDEX wish_shown_on_id_idx;
DROP INDEX wish_status_shown_on_id_idx;
DROP INDEX wish_topic_shown_on_id_idx;
DROP INDEX wish_target_group_shown_on_id_idx;
DROP INDEX wish_language_shown_on_id_idx;
CREATE INDEX wish_jobcenter_shown_on_id_idx ON wish (jobcenter, shown_on, id);
CREATE INDEX wish_jobcenter_status_shown_on_id_idx ON wish (jobcenter, status, shown_on, id);
CREATE INDEX wish_jobcenter_topic_shown_on_id_idx ON wish (jobcenter, topic, shown_on, id);
CREATE INDEX wish_jobcenter_target_group_shown_on_id_idx ON wish (jobcenter, target_group, shown_on, id);
CREATE INDEX wish_jobcenter_language_shown_on_id_idx ON wish (jobcenter, language, shown_on, id);

-- The counts get the jobcenter in their key; rebuilt rather than altered, which works alike on PostgreSQL
-- and on dev mode's H2 (the table holds cells, not wishes: a few hundred thousand rows at most).
ALTER TABLE released_count RENAME TO released_count_v10;
CREATE TABLE released_count (
    jobcenter     VARCHAR(40)  NOT NULL REFERENCES jobcenter (code),
    shown_level   VARCHAR(7)   NOT NULL,
    shown_on      DATE         NOT NULL,
    shown_until   DATE         NOT NULL,
    target_group  VARCHAR(40)  NOT NULL,
    topic         VARCHAR(40)  NOT NULL,
    language      VARCHAR(2)   NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    count         BIGINT       NOT NULL CHECK (count >= 0),
    live          BIGINT       NOT NULL,
    CONSTRAINT released_count_jobcenter_live_check CHECK (live >= 0 AND live <= count),
    PRIMARY KEY (jobcenter, shown_on, shown_level, target_group, topic, language, status)
);
INSERT INTO released_count (jobcenter, shown_level, shown_on, shown_until, target_group, topic, language, status, count, live)
SELECT 'default', shown_level, shown_on, shown_until, target_group, topic, language, status, count, live
FROM released_count_v10;
DROP TABLE released_count_v10;

-- Staff and admins of a jobcenter read its audit events only; national roles' events belong to none.
ALTER TABLE audit_event ADD COLUMN jobcenter VARCHAR(40);
UPDATE audit_event SET jobcenter = 'default';
CREATE INDEX audit_event_jobcenter_idx ON audit_event (jobcenter, occurred_at, id);
