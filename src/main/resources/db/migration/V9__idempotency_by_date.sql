-- Idempotency records expire by date, not by hour: no table but the audit of staff keeps a time of day,
-- and the hour a record was written would tell the hour of the wish written in the same transaction.
-- expires_on is the first day on which a record no longer counts (the day after tomorrow in
-- mitreden.time-zone when written), so a retry is replayed for at least 24 hours.
--
-- The records are emptied: from this release on, their key_hash and encryption key are derived under a
-- server-side secret (mitreden.idempotency.secret) that never enters the database. The old ones were plain
-- hashes of the client's key, which anyone with a backup could try guessed keys against; they cannot be
-- found under the new scheme anyway, so only a retry of a submission from the last day is answered anew.
-- Not compatible with the previous release for the minutes of a rolling update: a pod of that release
-- answers a keyed submission with 500 (its column is gone) and stores nothing; a retry reaches a new pod.

DELETE FROM idempotency_record;
DROP INDEX idempotency_record_expires_at_idx;
ALTER TABLE idempotency_record DROP COLUMN expires_at;
ALTER TABLE idempotency_record ADD COLUMN expires_on DATE NOT NULL;
CREATE INDEX idempotency_record_expires_on_idx ON idempotency_record (expires_on);
