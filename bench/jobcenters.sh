#!/usr/bin/env bash
# Mitreden benchmark for one installation serving many jobcenters: 10 million wishes over 400 jobcenters
# (bench/load.sql: a few large, many small; jc-001 the largest), each figure against its limit in the same run.
#
#   bash bench/jobcenters.sh               # 10 million wishes, 400 jobcenters
#   bash bench/jobcenters.sh 1000000 100   # other sizes
#
# Measures, for the largest jobcenter (jc-001, about 14 % of all wishes) and the median one:
#   - its wish lists: p95 under 100 ms;
#   - its statistics, paired with the very SQL the service runs for them: within 1.5x; and one whose answer is
#     empty (next year), which shows what any request costs besides its SQL; for the largest, in the same
#     rounds as that, the liveness probe (HTTP alone) and a statistics request refused before its SQL;
#   - national statistics by jobcenter over three years (analyst), paired with one jobcenter's statistics
#     over the same three years: no slower;
#   - submissions by its kiosks (wrk) against pgbench doing the same inserts: at least 0.5;
#   - the scheduled release run for all jobcenters after a week of 100,000 sealed wishes spread like the rest.
# Settings (environment): BENCH_CONCURRENCY (8), BENCH_SECONDS (20), BENCH_REQUESTS (200 per latency series),
# BENCH_WARMUP (240: seconds of submissions before they are measured: on 2 cores the JIT compiler needs minutes),
# BENCH_READ_WARMUP (90: seconds of list and statistics reads before the first is measured),
# BENCH_REBUILD=1 to rebuild the jar, BENCH_REUSE=1 to keep a data set already loaded at the wanted size.
# Results go to the terminal and to target/bench-jc/RESULTS.generated.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${1:-10000000}
JOBCENTERS=${2:-400}
CONCURRENCY=${BENCH_CONCURRENCY:-8}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
REQUESTS=${BENCH_REQUESTS:-200}
WARMUP=${BENCH_WARMUP:-240}
READ_WARMUP=${BENCH_READ_WARMUP:-90}
WORK=target/bench-jc
DB=mitreden_bench_jc
PORT=8393
MANAGEMENT_PORT=8394
BASE=http://127.0.0.1:$PORT
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
mkdir -p "$WORK"
: > "$WORK/table.md"

log() { printf '\n==> %s\n' "$*" >&2; }
row() { printf '%s\n' "$*" | tee -a "$WORK/table.md"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres
if ! command -v hey >/dev/null || ! command -v wrk >/dev/null || ! command -v pgbench >/dev/null \
    || ! /usr/bin/python3 -c 'import psycopg2' 2>/dev/null; then
  log "Installing hey, wrk, pgbench and psycopg2 from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey wrk postgresql-contrib \
    python3-psycopg2 openssl >/dev/null
fi

# shellcheck source=builds.sh
. bench/builds.sh
checkout_app "$WORK/app" "${BENCH_REBUILD:-}"

# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
IDEMPOTENCY_SECRET=$(openssl rand -base64 48)

# shellcheck source=service.sh
. bench/service.sh

# Every start serves several jobcenters, and releases only when this script says so.
MULTIPLE=(MITREDEN_JOBCENTERS_MULTIPLE=true MITREDEN_RELEASE_CRON=off)

# --- data ---------------------------------------------------------------------------------------------
"${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
start_service "${MULTIPLE[@]}"   # creates or upgrades the schema
stop_service
loaded=$("${PSQL[@]}" -d "$DB" -tAc 'SELECT count(*) FROM wish')
places=$("${PSQL[@]}" -d "$DB" -tAc 'SELECT count(DISTINCT jobcenter) FROM wish')
if [ -n "${BENCH_REUSE:-}" ] && [ "$loaded" -ge "$SIZE" ] && [ "$loaded" -lt $((SIZE + SIZE / 10)) ] \
    && [ "$places" -ge $((JOBCENTERS * 9 / 10)) ]; then
  log "Reusing the $loaded wishes of $places jobcenters already loaded"
else
  log "Loading $SIZE wishes over $JOBCENTERS jobcenters"
  load_started=$(date +%s)
  "${PSQL[@]}" -d "$DB" -v n="$SIZE" -v jobcenters="$JOBCENTERS" -f bench/load.sql > "$WORK/load.txt"
  row "| load $SIZE wishes over $JOBCENTERS jobcenters into PostgreSQL | $(( $(date +%s) - load_started )) s | | |"
fi
# What autovacuum does within a minute of a release run (the previous run's, when the data set is reused): the
# national totals are read from an index alone only where the visibility map is current, and PostgreSQL on
# these machines runs without autovacuum (a reused data set read them 3 times as slowly).
"${PSQL[@]}" -d "$DB" -c 'VACUUM ANALYZE released_count, released_count_monthly, released_count_yearly, released_count_total'
LARGEST=jc-001
MEDIAN=$("${PSQL[@]}" -d "$DB" -tAc "SELECT jobcenter FROM wish GROUP BY jobcenter ORDER BY count(*), jobcenter
                                      OFFSET (SELECT count(DISTINCT jobcenter) / 2 FROM wish) LIMIT 1")
sizes=$("${PSQL[@]}" -d "$DB" -tAc "SELECT string_agg(jobcenter || ' ' || n, ', ') FROM (SELECT jobcenter, count(*) AS n FROM wish
                                     WHERE jobcenter IN ('$LARGEST', '$MEDIAN') GROUP BY jobcenter) AS s")
cells=$("${PSQL[@]}" -d "$DB" -tAc "SELECT (SELECT count(*) FROM released_count) || ' rows of counts per cell, '
                                     || (SELECT count(*) FROM released_count_monthly) || ' monthly, '
                                     || (SELECT count(*) FROM released_count_yearly) || ' yearly'")
log "Wishes: $sizes; $cells"

ANALYST=$(token analyst)
# Three calendar years, this one included: whole years and months, which the coarser counts answer.
THREE_YEARS=$(date -d "$(date +%Y)-01-01 -2 years" +%F)
NEXT_YEAR=$(date -d "$(date +%Y)-01-01 +1 year" +%F)
YEAR_AGO=$(date -d '-1 year' +%F)

start_service "${MULTIPLE[@]}"
# Reads first, as a pod that has served for a while has had them: the JIT compiler needs minutes on 2 cores
# (a statistics request that answers nothing took 13 ms right after start and 1.2 ms after 90 s of reads).
log "Warming reads up for ${READ_WARMUP}s"
warming=()
for target in "$LARGEST|/api/v1/wishes?size=50" "$MEDIAN|/api/v1/wishes?q=schuldnerberatung&size=50" \
              "$LARGEST|/api/v1/stats?groupBy=targetGroup&groupBy=topic&from=$THREE_YEARS" \
              "$MEDIAN|/api/v1/stats?groupBy=topic&groupBy=period&period=month&from=$THREE_YEARS" \
              "analyst|/api/v1/national-stats?groupBy=jobcenter&from=$THREE_YEARS"; do
  if [ "${target%%|*}" = analyst ]; then caller=$ANALYST; else caller=$(token staff "\"jobcenter\":\"${target%%|*}\""); fi
  hey -z "${READ_WARMUP}s" -c 1 -H "Authorization: Bearer $caller" "$BASE${target#*|}" > /dev/null &
  warming+=($!)
done
wait "${warming[@]}"
for jobcenter in "$LARGEST" "$MEDIAN"; do
  staff=$(token staff "\"jobcenter\":\"$jobcenter\"")
  hey -n 50 -c 2 -H "Authorization: Bearer $staff" "$BASE/api/v1/wishes" > /dev/null
  hey -n 50 -c 2 -H "Authorization: Bearer $staff" "$BASE/api/v1/stats?groupBy=topic" > /dev/null

  log "Wish lists of $jobcenter"
  for query in "size=50" "topic=PRAISE&status=NEW&size=50" "language=uk&from=$YEAR_AGO&size=50" \
               "q=schuldnerberatung&size=50" "q=mieterbund%20flyer&targetGroup=PARENTS&size=50" "page=100&size=50"; do
    read -r p50 p95 <<< "$(http_latency "$staff" "$BASE/api/v1/wishes?$query")"
    row "| $jobcenter wish list, $query | p50 $p50 ms, p95 $p95 ms | p95 < 100 ms | $(ratio "$p95" 100) |"
  done

  log "Statistics of $jobcenter, paired with their own SQL"
  # Whole years: the yearly counts; by month: the monthly counts; by language: the counts per cell; the SQL is
  # what the service runs.
  while IFS='|' read -r query sql; do
    read -r _ sp50 sp95 _ dp50 dp95 _ r <<< "$(/usr/bin/python3 bench/paired_sql.py "$staff" "$PORT" \
      "/api/v1/stats?$query" "$DB" "$sql" "$REQUESTS" | tr '\n' ' ')"
    row "| $jobcenter stats, $query | p50 $sp50 ms, p95 $sp95 ms | own SQL p50 $dp50 ms, p95 $dp95 ms | $r (limit 1.5) |"
  done <<SQL
groupBy=targetGroup&groupBy=topic&from=$THREE_YEARS|SELECT target_group, topic, SUM(count) FROM released_count_yearly WHERE 1 = 1 AND jobcenter IN ('$jobcenter') AND shown_year >= DATE '$THREE_YEARS' GROUP BY target_group, topic
groupBy=topic&groupBy=period&period=month&from=$THREE_YEARS|SELECT topic, shown_level, shown_month, SUM(count) FROM released_count_monthly WHERE 1 = 1 AND jobcenter IN ('$jobcenter') AND shown_month >= DATE '$THREE_YEARS' GROUP BY topic, shown_level, shown_month
groupBy=targetGroup&groupBy=language&from=$THREE_YEARS|SELECT target_group, language, SUM(count) FROM released_count WHERE 1 = 1 AND jobcenter IN ('$jobcenter') AND shown_on >= DATE '$THREE_YEARS' GROUP BY target_group, language
groupBy=topic&from=$NEXT_YEAR|SELECT topic, SUM(count) FROM released_count_yearly WHERE 1 = 1 AND jobcenter IN ('$jobcenter') AND shown_year >= DATE '$NEXT_YEAR' GROUP BY topic
SQL

  if [ "$jobcenter" = "$LARGEST" ]; then
    # The floor under the 1.5x limit: a statistics request stopped before its SQL costs what any would besides
    # it, so a statistics request whose SQL takes less than twice that cannot be within 1.5x of it.
    log "What a request costs besides its SQL"
    read -r _ hp50 hp95 _ rp50 rp95 _ ep50 ep95 _ dp50 dp95 <<< "$(/usr/bin/python3 bench/floor.py "$REQUESTS" "$DB" \
      "SELECT topic, SUM(count) FROM released_count_yearly WHERE 1 = 1 AND jobcenter IN ('$jobcenter') AND shown_year >= DATE '$NEXT_YEAR' GROUP BY topic" \
      health 200 "$PORT" /q/health/live - \
      refused 400 "$PORT" "/api/v1/stats?groupBy=nothing" "$staff" \
      empty 200 "$PORT" "/api/v1/stats?groupBy=topic&from=$NEXT_YEAR" "$staff" | tr '\n' ' ')"
    row "| liveness probe: HTTP alone (no token, no SQL) | p50 $hp50 ms, p95 $hp95 ms | | |"
    row "| $jobcenter stats refused before their SQL (groupBy=nothing: token, roles, parameters, 400) | p50 $rp50 ms, p95 $rp95 ms | 1.5x needs SQL of at least 2 x $rp50 ms | |"
    row "| $jobcenter stats, groupBy=topic&from=$NEXT_YEAR (empty), in the same rounds | p50 $ep50 ms, p95 $ep95 ms | own SQL p50 $dp50 ms, p95 $dp95 ms | $(ratio "$ep50" "$dp50") (limit 1.5) |"
  fi

  log "National statistics by jobcenter against $jobcenter's own, three years"
  if [ "$jobcenter" = "$LARGEST" ]; then
    read -r _ sp50 sp95 _ dp50 dp95 _ r <<< "$(/usr/bin/python3 bench/paired_sql.py "$ANALYST" "$PORT" \
      "/api/v1/national-stats?groupBy=jobcenter&from=$THREE_YEARS" "$DB" \
      "SELECT jobcenter, SUM(count) FROM released_count_total WHERE grain = 'YEAR' AND shown_start >= DATE '$THREE_YEARS' GROUP BY jobcenter" \
      "$REQUESTS" | tr '\n' ' ')"
    row "| national stats by jobcenter, 3 years, paired with their own SQL | p50 $sp50 ms, p95 $sp95 ms | own SQL p50 $dp50 ms, p95 $dp95 ms | $r (limit 1.5) |"
  fi
  read -r _ ap50 ap95 _ np50 np95 _ r <<< "$(/usr/bin/python3 bench/paired_http.py "$PORT" "$REQUESTS" \
    "$staff" "/api/v1/stats?groupBy=topic&from=$THREE_YEARS" \
    "$ANALYST" "/api/v1/national-stats?groupBy=jobcenter&from=$THREE_YEARS" | tr '\n' ' ')"
  row "| national stats by jobcenter, 3 years | p50 $np50 ms, p95 $np95 ms | $jobcenter stats by topic, 3 years: p50 $ap50 ms, p95 $ap95 ms | $r (limit 1.0) |"
done
read -r _ ap50 ap95 _ np50 np95 _ r <<< "$(/usr/bin/python3 bench/paired_http.py "$PORT" "$REQUESTS" \
  "$(token staff "\"jobcenter\":\"$LARGEST\"")" "/api/v1/stats?groupBy=topic&groupBy=period&period=month&from=$THREE_YEARS" \
  "$ANALYST" "/api/v1/national-stats?groupBy=jobcenter&groupBy=topic&from=$THREE_YEARS" | tr '\n' ' ')"
row "| national stats by jobcenter and topic, 3 years | p50 $np50 ms, p95 $np95 ms | $LARGEST stats by topic and month, 3 years: p50 $ap50 ms, p95 $ap95 ms | $r |"

log "Submissions by kiosks of $LARGEST ($CONCURRENCY concurrent, ${SECONDS_PER_RUN}s)"
submission_load "$LARGEST" "$(token kiosk "\"jobcenter\":\"$LARGEST\"")"
wrk -t2 -c "$CONCURRENCY" -d "${WARMUP}s" -s "$WORK/post.lua" "$BASE/api/v1/wishes" > /dev/null
wrk -t2 -c "$CONCURRENCY" -d "${SECONDS_PER_RUN}s" -s "$WORK/post.lua" "$BASE/api/v1/wishes" > "$WORK/wrk-post.txt"
api_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-post.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk-post.txt")
insert_tps 10 > /dev/null
db_tps=$(insert_tps "$SECONDS_PER_RUN")
row "| submissions/s to $LARGEST, $CONCURRENCY concurrent (wrk) | $api_rps /s (non-2xx: ${non2xx:-0}) | pgbench same inserts $db_tps /s | $(ratio "$api_rps" "$db_tps") (limit ≥ 0.5) |"
row "| resident memory after load | $(rss_mb) MiB | | |"
stop_service

log "Release run for all jobcenters after a week of 100,000 sealed wishes"
# Last week's wishes, spread over the jobcenters as the rest are; this week's submissions above stay sealed.
"${PSQL[@]}" -d "$DB" -c "INSERT INTO wish (id, jobcenter, target_group, topic, language, text, status, submitted_on, receipt_hash, version)
    SELECT gen_random_uuid(),
           'jc-' || lpad((1 + floor($JOBCENTERS * power(random(), 3)))::int::text, 3, '0'),
           (ARRAY['PARENTS','SINGLE_HOUSEHOLD','MIGRATION','OTHER'])[1 + floor(random() * 4)::int],
           (ARRAY['COUNSELLING_RELATIONSHIP','INDIVIDUAL_SITUATION','THIRD_PARTY_SERVICES','PRAISE','OTHER'])[1 + floor(random() * 5)::int],
           (ARRAY['de','de','de','uk','ar','tr','ru',NULL])[1 + floor(random() * 8)::int], 'Danke ' || g,
           'NEW', (date_trunc('week', current_date) - interval '7 days')::date,
           encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 0
    FROM generate_series(1, 100000) AS g" -c "ANALYZE wish"
start_service MITREDEN_JOBCENTERS_MULTIPLE=true MITREDEN_RELEASE_CRON="0/15 * * * * ?"
until grep -q '"Release: ' "$WORK/service.log"; do sleep 1; done
released=$(grep -m1 -o 'Release: [^"]*' "$WORK/service.log")
row "| scheduled release run, all $JOBCENTERS jobcenters, after a week of 100,000 sealed wishes | ${released##*, } | ${released%,*} | |"
stop_service

{
  echo "Run with \`bash bench/jobcenters.sh $SIZE $JOBCENTERS\` on $(date -u +%F), $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo "Wishes: $sizes (median jobcenter); $cells."
  echo
  echo "| what | service | limit | ratio |"
  echo "|---|---|---|---|"
  cat "$WORK/table.md"
} > "$WORK/RESULTS.generated.md"
log "Done: $WORK/RESULTS.generated.md"
cat "$WORK/RESULTS.generated.md"
