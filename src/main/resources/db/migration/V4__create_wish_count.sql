-- Counts of wishes per submission date (as coarsened), target group, topic, language and status,
-- kept in the same transaction as every change to a wish. Statistics read only this table, so their
-- cost grows with the cells answered, not with the number of wishes; and because the retention job
-- deletes wishes but not these counts, statistics over years survive the deletion of the texts.
-- language is '' for wishes without a language, so that it can be part of the primary key.

CREATE TABLE wish_count (
    submitted_on  DATE         NOT NULL,
    target_group  VARCHAR(40)  NOT NULL,
    topic         VARCHAR(40)  NOT NULL,
    language      VARCHAR(2)   NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    count         BIGINT       NOT NULL CHECK (count >= 0),
    PRIMARY KEY (submitted_on, target_group, topic, language, status)
);

-- The wish list is read newest first, often filtered by status.
CREATE INDEX wish_status_submitted_on_idx ON wish (status, submitted_on);
