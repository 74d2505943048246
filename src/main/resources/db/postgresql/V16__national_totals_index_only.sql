-- National statistics by jobcenter over whole periods read every jobcenter's totals of one grain: a few
-- thousand rows spread over all pages of released_count_total, so through the primary key they read the
-- whole table. This index holds every column, so they are read from it alone (an index-only scan: about
-- 20 pages instead of 300). That needs the table's visibility map current: a release run changes a few
-- hundred rows of this small table, so it is vacuumed after a thousand changes, not a fifth of its rows.
CREATE INDEX released_count_total_national_idx ON released_count_total (grain, shown_start)
    INCLUDE (jobcenter, until_start, shown_level, count);
ALTER TABLE released_count_total SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                                      autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000);
