-- Release to staff. A wish is sealed from its submission until a release run shows it, in a class of at
-- least k wishes of equal target group, language and period (see anonymity/ReleasePlan.java). Its shown
-- period is all staff ever learn of its date: shown_level is DAY, WEEK, MONTH, QUARTER or YEAR, shown_on
-- the period's first day and shown_until its last. All three are NULL while the wish is sealed. Wishes
-- stored before this migration are sealed too and go through the same release.
ALTER TABLE wish ADD COLUMN shown_level VARCHAR(7);
ALTER TABLE wish ADD COLUMN shown_on DATE;
ALTER TABLE wish ADD COLUMN shown_until DATE;
ALTER TABLE wish ADD CONSTRAINT wish_shown_check CHECK (
    (shown_level IS NULL AND shown_on IS NULL AND shown_until IS NULL)
    OR (shown_level IN ('DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR') AND shown_on IS NOT NULL AND shown_until IS NOT NULL));

-- Staff read released wishes by shown period, newest first, usually narrowed by one filter (as V6 did by
-- stored date, which staff no longer see). Sealed wishes sit under NULL in these indexes.
DROP INDEX wish_submitted_on_id_idx;
DROP INDEX wish_status_submitted_on_id_idx;
DROP INDEX wish_topic_submitted_on_id_idx;
DROP INDEX wish_target_group_submitted_on_id_idx;
DROP INDEX wish_language_submitted_on_id_idx;
CREATE INDEX wish_shown_on_id_idx ON wish (shown_on, id);
CREATE INDEX wish_status_shown_on_id_idx ON wish (status, shown_on, id);
CREATE INDEX wish_topic_shown_on_id_idx ON wish (topic, shown_on, id);
CREATE INDEX wish_target_group_shown_on_id_idx ON wish (target_group, shown_on, id);
CREATE INDEX wish_language_shown_on_id_idx ON wish (language, shown_on, id);
-- Retention deletes by stored date.
CREATE INDEX wish_submitted_on_idx ON wish (submitted_on);

-- Counts of released wishes per shown period, target group, topic, language ('' for none) and status,
-- changed only in the transaction that releases, changes or deletes the wishes (wish/Wishes.java).
-- Statistics read only this table; a sealed wish is in no count. count keeps every released wish, also
-- after retention deleted it, so years stay comparable; live counts those that still exist, and totals
-- the wish list's pages.
CREATE TABLE released_count (
    shown_level   VARCHAR(7)   NOT NULL,
    shown_on      DATE         NOT NULL,
    shown_until   DATE         NOT NULL,
    target_group  VARCHAR(40)  NOT NULL,
    topic         VARCHAR(40)  NOT NULL,
    language      VARCHAR(2)   NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    count         BIGINT       NOT NULL CHECK (count >= 0),
    live          BIGINT       NOT NULL,
    CONSTRAINT released_count_live_check CHECK (live >= 0 AND live <= count),
    PRIMARY KEY (shown_on, shown_level, target_group, topic, language, status)
);

-- One row that a release run or a retention run locks (SELECT ... FOR UPDATE) for its transaction, so that
-- two pods never plan a release from the same sealed wishes, nor delete wishes a release has counted on.
CREATE TABLE release_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO release_lock (id) VALUES (1);
