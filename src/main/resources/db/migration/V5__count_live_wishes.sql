-- live: how many of the counted wishes still exist. count keeps every wish ever submitted (statistics
-- must survive retention); live drops when retention or an admin deletes wishes, so the wish list can
-- total its pages from this small table instead of counting millions of rows.
ALTER TABLE wish_count ADD COLUMN live BIGINT NOT NULL DEFAULT 0;

UPDATE wish_count SET live = (
    SELECT count(*) FROM wish
    WHERE wish.submitted_on = wish_count.submitted_on
      AND wish.target_group = wish_count.target_group
      AND wish.topic = wish_count.topic
      AND COALESCE(wish.language, '') = wish_count.language
      AND wish.status = wish_count.status);

ALTER TABLE wish_count ADD CONSTRAINT wish_count_live_check CHECK (live >= 0 AND live <= count);
