-- Wishes that retention deleted before release existed live on only as counts (wish_count.count - live).
-- They were counted by stored date, which staff may no longer see: they are kept by month, the coarsest
-- stored granularity, so statistics over past years stay comparable. (PostgreSQL only: a dev-mode H2
-- database holds demo data and nothing retention deleted.)
INSERT INTO released_count (shown_level, shown_on, shown_until, target_group, topic, language, status, count, live)
SELECT 'MONTH', month, CAST(month + INTERVAL '1 month' - INTERVAL '1 day' AS DATE), target_group, topic, language,
       status, SUM(count - live), 0
FROM (SELECT CAST(date_trunc('month', submitted_on) AS DATE) AS month, target_group, topic, language, status, count, live
      FROM wish_count WHERE count > live) AS retired
GROUP BY month, target_group, topic, language, status;
