-- The wishes a release run looks at: the sealed ones, grouped by jobcenter, target group, language and
-- stored date. Partial, so it holds only what waits for release (a week's wishes, once a database is
-- released) and costs a released wish nothing. Without it a release step walked a list index over every
-- wish of a target group per class, and the first run after an upgrade outlived its transaction.
-- (PostgreSQL only: H2 has no partial indexes, and dev mode's data is small.)
CREATE INDEX wish_sealed_idx ON wish (jobcenter, target_group, language, submitted_on) WHERE shown_on IS NULL;
