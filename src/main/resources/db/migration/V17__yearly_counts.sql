-- The counts of released wishes per jobcenter, year, target group and topic: what statistics over whole years
-- by target group or topic need, in a twelfth of the monthly counts' rows. National statistics by jobcenter
-- and topic over three years read every jobcenter's monthly counts (half a million rows at 10 million wishes,
-- 200 ms); here they read a few tens of thousands. Kept in step like released_count_monthly (ReleasedCounts).
-- A row is keyed by the year its shown period begins in and the year it ends in (a week around New Year
-- begins in one and ends in the next): a filter from a 1 January to a 31 December then selects exactly what
-- it selects from released_count.
CREATE TABLE released_count_yearly (
    jobcenter     VARCHAR(40)  NOT NULL REFERENCES jobcenter (code),
    shown_year    DATE         NOT NULL,
    until_year    DATE         NOT NULL,
    shown_level   VARCHAR(7)   NOT NULL,
    target_group  VARCHAR(40)  NOT NULL,
    topic         VARCHAR(40)  NOT NULL,
    count         BIGINT       NOT NULL CHECK (count >= 0),
    PRIMARY KEY (jobcenter, shown_year, until_year, shown_level, target_group, topic)
);
CREATE INDEX released_count_yearly_shown_year_idx ON released_count_yearly (shown_year);

INSERT INTO released_count_yearly (jobcenter, shown_year, until_year, shown_level, target_group, topic, count)
SELECT jobcenter, CAST(DATE_TRUNC('year', shown_on) AS DATE), CAST(DATE_TRUNC('year', shown_until) AS DATE),
       shown_level, target_group, topic, SUM(count)
FROM released_count
GROUP BY jobcenter, CAST(DATE_TRUNC('year', shown_on) AS DATE), CAST(DATE_TRUNC('year', shown_until) AS DATE),
         shown_level, target_group, topic;
