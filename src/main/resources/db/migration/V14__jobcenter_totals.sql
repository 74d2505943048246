-- The counts of released wishes per jobcenter and shown period alone, summed over target groups, topics,
-- languages and statuses, by month, quarter and year (grain): national statistics by jobcenter over years
-- read a few thousand rows here instead of half a million monthly ones. Kept in step by ReleasedCounts,
-- like released_count_monthly. A row is keyed by the first days of the grain's periods its shown period
-- begins and ends in, so a range of whole periods of the grain selects exactly what released_count does.
CREATE TABLE released_count_total (
    grain         VARCHAR(7)   NOT NULL CHECK (grain IN ('MONTH', 'QUARTER', 'YEAR')),
    jobcenter     VARCHAR(40)  NOT NULL REFERENCES jobcenter (code),
    shown_start   DATE         NOT NULL,
    until_start   DATE         NOT NULL,
    shown_level   VARCHAR(7)   NOT NULL,
    count         BIGINT       NOT NULL CHECK (count >= 0),
    PRIMARY KEY (grain, shown_start, jobcenter, until_start, shown_level)
);
CREATE INDEX released_count_total_jobcenter_idx ON released_count_total (jobcenter, grain, shown_start);

INSERT INTO released_count_total (grain, jobcenter, shown_start, until_start, shown_level, count)
SELECT 'MONTH', jobcenter, CAST(DATE_TRUNC('month', shown_on) AS DATE), CAST(DATE_TRUNC('month', shown_until) AS DATE), shown_level, SUM(count)
FROM released_count
GROUP BY jobcenter, CAST(DATE_TRUNC('month', shown_on) AS DATE), CAST(DATE_TRUNC('month', shown_until) AS DATE), shown_level;
INSERT INTO released_count_total (grain, jobcenter, shown_start, until_start, shown_level, count)
SELECT 'QUARTER', jobcenter, CAST(DATE_TRUNC('quarter', shown_on) AS DATE), CAST(DATE_TRUNC('quarter', shown_until) AS DATE), shown_level, SUM(count)
FROM released_count
GROUP BY jobcenter, CAST(DATE_TRUNC('quarter', shown_on) AS DATE), CAST(DATE_TRUNC('quarter', shown_until) AS DATE), shown_level;
INSERT INTO released_count_total (grain, jobcenter, shown_start, until_start, shown_level, count)
SELECT 'YEAR', jobcenter, CAST(DATE_TRUNC('year', shown_on) AS DATE), CAST(DATE_TRUNC('year', shown_until) AS DATE), shown_level, SUM(count)
FROM released_count
GROUP BY jobcenter, CAST(DATE_TRUNC('year', shown_on) AS DATE), CAST(DATE_TRUNC('year', shown_until) AS DATE), shown_level;
