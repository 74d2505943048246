-- Loads :n synthetic wishes straight into PostgreSQL, spread the way a national deployment would see
-- them over three years, released by week as the release job would release them at national scale (every
-- class of target group, language and week is far above k; this week's stay sealed), and rebuilds the
-- counts of released wishes from them so both agree exactly.
-- Usage: psql -v n=1000000 -f bench/load.sql <database>   (the schema must exist: start the service once)
--        psql -v n=10000000 -v jobcenters=400 -f bench/load.sql <database>   (many jobcenters: a few large, many
--        small; their codes are jc-001 ... jc-400, jc-001 the largest)
\set ON_ERROR_STOP on
\timing on
\if :{?jobcenters}
\else
\set jobcenters 1
\endif

-- With one jobcenter, the default one; with several, jc-001 ... (an operator would add them).
INSERT INTO jobcenter (code, name, created_on)
SELECT 'jc-' || lpad(i::text, 3, '0'), 'Jobcenter ' || i, current_date - 1100
FROM generate_series(1, :jobcenters) AS i WHERE :jobcenters > 1
ON CONFLICT (code) DO NOTHING;

TRUNCATE wish, released_count, released_count_monthly, released_count_yearly, released_count_total, idempotency_record;

-- Secondary indexes are dropped for the load and rebuilt after it: building them once is far faster
-- than maintaining them row by row. Their definitions are read back from the catalog first.
CREATE TEMP TABLE bench_indexes AS
SELECT indexname, indexdef FROM pg_indexes
WHERE schemaname = 'public' AND tablename = 'wish' AND indexname NOT IN ('wish_pkey', 'wish_receipt_hash_key');

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexname FROM bench_indexes LOOP
        EXECUTE 'DROP INDEX ' || quote_ident(r.indexname);
    END LOOP;
END $$;

-- Weighted choices: target groups, topics, languages (NULL = none given) and texts of the workshops.
INSERT INTO wish (id, jobcenter, target_group, topic, language, text, status, submitted_on, response, responded_on,
                  receipt_hash, version, shown_level, shown_on, shown_until)
SELECT gen_random_uuid(),
       -- Drawn from a hash of the row number, not from random(): the other columns stay exactly what the
       -- same seed gave before jobcenters existed (bench/sealed-ab.sh compares with that). The cube skews it:
       -- at 400 jobcenters jc-001 gets about 14 % of all wishes, the median one 0.13 %, the smallest 0.07 %.
       CASE WHEN :jobcenters = 1 THEN 'default'
            ELSE 'jc-' || lpad((1 + floor(:jobcenters * power(abs(hashint8(g)::bigint) / 2147483648.0, 3)))::int::text, 3, '0')
       END,
       (ARRAY['PARENTS','PARENTS','PARENTS','SINGLE_HOUSEHOLD','SINGLE_HOUSEHOLD','SINGLE_HOUSEHOLD',
              'MIGRATION','MIGRATION','MIGRATION','OTHER'])[1 + floor(random() * 10)::int],
       topic,
       (ARRAY['de','de','de','de','de','de','de','de','de','de','de','de','uk','uk','uk','ar','ar','tr',
              'ru','en','fa','pl','ro',NULL,NULL])[1 + floor(random() * 25)::int],
       (ARRAY['Ich wünsche mir eine feste Ansprechperson, die meine Geschichte kennt.',
              'Mehr Zeit im Gespräch, nicht nur zehn Minuten zwischen Tür und Angel.',
              'Termine bitte nicht während der Kita-Öffnungszeiten, ich bin alleinerziehend.',
              'Ich hätte früher von der Schuldnerberatung erfahren sollen.',
              'Ein Flyer zum Mieterbund im Wartebereich wäre hilfreich.',
              'Frau K. hat sich wirklich Zeit genommen. Danke!',
              'Прошу враховувати, що я ще вивчаю німецьку мову.',
              'أحتاج إلى مترجم في المواعيد المهمة.',
              'Borç danışmanlığı hakkında daha fazla bilgi istiyorum.',
              'Bitte die Briefe in einfacher Sprache schreiben.',
              'Die Beratung im Erdgeschoss war freundlich und schnell.',
              'Meine Krankheit wurde bei der Maßnahme nicht berücksichtigt.'])[1 + floor(random() * 12)::int]
           || ' (' || md5(g::text) || ')',
       status,
       submitted_on,
       CASE WHEN status IN ('PLANNED', 'IMPLEMENTED') THEN 'Danke, die Arbeitsgruppe hat das aufgenommen.' END,
       CASE WHEN status IN ('PLANNED', 'IMPLEMENTED') THEN submitted_on + 14 END,
       encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'),
       0,
       CASE WHEN submitted_on < date_trunc('week', current_date)::date THEN 'WEEK' END,
       CASE WHEN submitted_on < date_trunc('week', current_date)::date THEN submitted_on END,
       CASE WHEN submitted_on < date_trunc('week', current_date)::date THEN submitted_on + 6 END
FROM (
    SELECT g,
           (ARRAY['COUNSELLING_RELATIONSHIP','COUNSELLING_RELATIONSHIP','COUNSELLING_RELATIONSHIP',
                  'INDIVIDUAL_SITUATION','INDIVIDUAL_SITUATION','INDIVIDUAL_SITUATION',
                  'THIRD_PARTY_SERVICES','THIRD_PARTY_SERVICES','PRAISE','OTHER'])[1 + floor(random() * 10)::int] AS topic,
           -- WEEK granularity, the default: the Monday of a week within the last three years
           (date_trunc('week', current_date - floor(random() * 1095)::int))::date AS submitted_on,
           (ARRAY['NEW','NEW','NEW','IN_REVIEW','IN_REVIEW','PLANNED','IMPLEMENTED','DECLINED','HIDDEN',
                  'IMPLEMENTED'])[1 + floor(random() * 10)::int] AS status
    FROM generate_series(1, :n) AS g
) AS spread;

DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT indexdef FROM bench_indexes LOOP
        EXECUTE r.indexdef;
    END LOOP;
END $$;

-- The counts of released wishes, as the release would have kept them.
INSERT INTO released_count (jobcenter, shown_level, shown_on, shown_until, target_group, topic, language, status, count, live)
SELECT jobcenter, shown_level, shown_on, shown_until, target_group, topic, COALESCE(language, ''), status, count(*), count(*)
FROM wish WHERE shown_on IS NOT NULL
GROUP BY jobcenter, shown_level, shown_on, shown_until, target_group, topic, COALESCE(language, ''), status;

INSERT INTO released_count_monthly (jobcenter, shown_month, until_month, shown_level, target_group, topic, count)
SELECT jobcenter, date_trunc('month', shown_on)::date, date_trunc('month', shown_until)::date, shown_level, target_group, topic, SUM(count)
FROM released_count
GROUP BY jobcenter, date_trunc('month', shown_on)::date, date_trunc('month', shown_until)::date, shown_level, target_group, topic;

INSERT INTO released_count_yearly (jobcenter, shown_year, until_year, shown_level, target_group, topic, count)
SELECT jobcenter, date_trunc('year', shown_on)::date, date_trunc('year', shown_until)::date, shown_level, target_group, topic, SUM(count)
FROM released_count
GROUP BY jobcenter, date_trunc('year', shown_on)::date, date_trunc('year', shown_until)::date, shown_level, target_group, topic;

INSERT INTO released_count_total (grain, jobcenter, shown_start, until_start, shown_level, count)
SELECT grain, jobcenter, date_trunc(grain, shown_on)::date, date_trunc(grain, shown_until)::date, shown_level, SUM(count)
FROM released_count CROSS JOIN (VALUES ('MONTH'), ('QUARTER'), ('YEAR')) AS grains (grain)
GROUP BY grain, jobcenter, date_trunc(grain, shown_on)::date, date_trunc(grain, shown_until)::date, shown_level;

VACUUM ANALYZE wish;
VACUUM ANALYZE released_count;
VACUUM ANALYZE released_count_monthly;
VACUUM ANALYZE released_count_yearly;
VACUUM ANALYZE released_count_total;
SELECT count(*) AS wishes, (SELECT count(*) FROM released_count) AS count_rows,
       (SELECT count(*) FROM released_count_monthly) AS monthly_count_rows,
       (SELECT count(*) FROM released_count_yearly) AS yearly_count_rows,
       (SELECT count(*) FROM released_count_total) AS total_rows,
       pg_size_pretty(pg_total_relation_size('wish')) AS wish_size FROM wish;
