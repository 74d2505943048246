-- A jobcenter's admin may add target groups and topics that only its own kiosks offer. An entry without a
-- jobcenter belongs to the national catalogue, shared by all; every entry there before stays national.
-- Codes stay one namespace across the installation, so a wish's code names one entry wherever it is read.
ALTER TABLE target_group ADD COLUMN jobcenter VARCHAR(40);
ALTER TABLE target_group ADD CONSTRAINT target_group_jobcenter_fk FOREIGN KEY (jobcenter) REFERENCES jobcenter (code);
ALTER TABLE topic ADD COLUMN jobcenter VARCHAR(40);
ALTER TABLE topic ADD CONSTRAINT topic_jobcenter_fk FOREIGN KEY (jobcenter) REFERENCES jobcenter (code);
