-- The counts of released wishes per jobcenter, month, target group and topic: what statistics over months and
-- years need, in a table a fraction of released_count's size (no week, language or status). National
-- statistics by jobcenter over years would otherwise read every jobcenter's weekly cells. Kept in step with
-- released_count by the same statements (ReleasedCounts); retention does not touch it, like count there.
-- A row is keyed by the month its shown period begins in and the month it ends in: a filter from the first
-- of a month to the last of one then selects exactly what it selects from released_count.
CREATE TABLE released_count_monthly (
    jobcenter     VARCHAR(40)  NOT NULL REFERENCES jobcenter (code),
    shown_month   DATE         NOT NULL,
    until_month   DATE         NOT NULL,
    shown_level   VARCHAR(7)   NOT NULL,
    target_group  VARCHAR(40)  NOT NULL,
    topic         VARCHAR(40)  NOT NULL,
    count         BIGINT       NOT NULL CHECK (count >= 0),
    PRIMARY KEY (jobcenter, shown_month, until_month, shown_level, target_group, topic)
);
CREATE INDEX released_count_monthly_shown_month_idx ON released_count_monthly (shown_month);

INSERT INTO released_count_monthly (jobcenter, shown_month, until_month, shown_level, target_group, topic, count)
SELECT jobcenter, CAST(DATE_TRUNC('month', shown_on) AS DATE), CAST(DATE_TRUNC('month', shown_until) AS DATE),
       shown_level, target_group, topic, SUM(count)
FROM released_count
GROUP BY jobcenter, CAST(DATE_TRUNC('month', shown_on) AS DATE), CAST(DATE_TRUNC('month', shown_until) AS DATE),
         shown_level, target_group, topic;
