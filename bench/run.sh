#!/usr/bin/env bash
# Mitreden benchmark: one command, from a fresh machine to a table of ratios.
#
#   bash bench/run.sh                     # 1 million and 10 million wishes
#   bash bench/run.sh 1000000             # only the sizes given
#
# It builds the production jar, loads each data set straight into PostgreSQL (bench/load.sql), starts the
# service in production mode and drives it on loopback with hey and wrk (Debian's packages), and measures every
# figure in the same run as its limit: the database doing the same work without the service (pgbench, or
# the plain GROUP BY over the wish table). Results go to the terminal and to bench/RESULTS.md.
#
# Settings (environment): BENCH_CONCURRENCY (8), BENCH_SECONDS per throughput run (20),
# BENCH_REQUESTS per latency series against the service (200), BENCH_BASELINE_REQUESTS per series of the
# plain GROUP BY (20: at 10 million wishes each takes seconds), BENCH_REBUILD=1 to rebuild the jar even if
# one exists, BENCH_REUSE=1 to keep a data set already loaded at the wanted size.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000000 10000000)
CONCURRENCY=${BENCH_CONCURRENCY:-8}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
REQUESTS=${BENCH_REQUESTS:-200}
BASELINE_REQUESTS=${BENCH_BASELINE_REQUESTS:-20}
WORK=target/bench
DB=mitreden_bench
PORT=8383
MANAGEMENT_PORT=8384
BASE=http://127.0.0.1:$PORT
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
mkdir -p "$WORK"
: > "$WORK/table.md"

log() { printf '\n==> %s\n' "$*" >&2; }

# --- tools and database -------------------------------------------------------------------------
# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres
if ! command -v hey >/dev/null || ! command -v wrk >/dev/null || ! command -v pgbench >/dev/null \
    || ! command -v openssl >/dev/null; then
  log "Installing hey, wrk, pgbench and openssl from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey wrk postgresql-contrib openssl >/dev/null
fi

# --- build ----------------------------------------------------------------------------------------
# shellcheck source=builds.sh
. bench/builds.sh
checkout_app "$WORK/app" "${BENCH_REBUILD:-}"

# --- tokens: a key pair for this run only; the service trusts it through MP_JWT_VERIFY_PUBLICKEY_LOCATION
# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
STAFF=$(token staff)
KIOSK=$(token kiosk)
ADMIN=$(token admin)
# The idempotency secret (without one, retries survive no restart); this run's own.
IDEMPOTENCY_SECRET=$(openssl rand -base64 48)

# --- the service ----------------------------------------------------------------------------------
# shellcheck source=service.sh
. bench/service.sh

# pgbench with per-transaction log, in milliseconds: "p50 p95"
sql_latency() {
  rm -f "$WORK"/pgb.*
  pgbench -h 127.0.0.1 -U postgres -n -c 1 -t "$BASELINE_REQUESTS" -f "$1" -l --log-prefix="$WORK/pgb" "$DB" > /dev/null 2>&1
  cat "$WORK"/pgb.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f", a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000}'
}
row() { printf '%s\n' "$*" | tee -a "$WORK/table.md"; }

machine() {
  printf -- '- CPU: %s, %s cores; memory %s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "$(nproc)" "$(free -h | awk '/Mem:/ {print $2}')"
  printf -- '- %s; %s\n' "$("${PSQL[@]}" -d postgres -tAc 'SELECT version()' | cut -d, -f1)" \
    "$(java -version 2>&1 | head -n 1)"
  printf -- '- PostgreSQL shared_buffers %s, the Debian default; nothing tuned\n' \
    "$("${PSQL[@]}" -d postgres -tAc 'SHOW shared_buffers')"
}

# --- run ------------------------------------------------------------------------------------------
if [ -z "${BENCH_REUSE:-}" ]; then
  log "Creating database $DB and its schema (first start of the service, with Flyway)"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
else
  "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
    || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
fi
start_service
FIRST_START_MS=$STARTUP_MS
stop_service
start_service
sleep 5
if [ -z "${BENCH_REUSE:-}" ]; then
  row "| start-up to ready, empty schema (first start, with migrations) | $FIRST_START_MS ms | | |"
else
  row "| start-up to ready, first start on the data set kept (BENCH_REUSE) | $FIRST_START_MS ms | | |"
fi
row "| start-up to ready (second start) | $STARTUP_MS ms | | |"
row "| resident memory, idle after start | $(rss_mb) MiB | | |"
stop_service

YEAR_AGO=$(date -d '-1 year' +%F)
THREE_YEARS_AGO=$(date -d '-3 years' +%F)

for SIZE in "${SIZES[@]}"; do
  loaded=$("${PSQL[@]}" -d "$DB" -tAc 'SELECT count(*) FROM wish')
  if [ -n "${BENCH_REUSE:-}" ] && [ "$loaded" -ge "$SIZE" ] && [ "$loaded" -lt $((SIZE + SIZE / 10)) ]; then
    log "Reusing the $loaded wishes already loaded"
  else
    log "Loading $SIZE wishes"
    load_started=$(date +%s)
    "${PSQL[@]}" -d "$DB" -v n="$SIZE" -f bench/load.sql > "$WORK/load-$SIZE.txt"
    row "| load $SIZE wishes into PostgreSQL | $(( $(date +%s) - load_started )) s | | |"
  fi
  start_service
  label=$(( SIZE / 1000000 ))M

  # Warm both sides once, as a running service would be.
  hey -n 50 -c 2 -H "Authorization: Bearer $STAFF" "$BASE/api/v1/stats?groupBy=topic" > /dev/null
  hey -n 50 -c 2 -H "Authorization: Bearer $STAFF" "$BASE/api/v1/wishes" > /dev/null

  log "Statistics at $label"
  for dims in "targetGroup" "targetGroup,topic" "targetGroup,topic,language"; do
    columns=$(echo "$dims" | sed 's/targetGroup/target_group/')
    query=$(echo "$dims" | sed 's/,/\&groupBy=/g')
    for range in "$YEAR_AGO:1 year" "$THREE_YEARS_AGO:3 years"; do
      from=${range%%:*}
      printf 'SELECT %s, count(*) FROM wish WHERE shown_on >= DATE %s GROUP BY %s;\n' \
        "$columns" "'$from'" "$columns" > "$WORK/groupby.sql"
      read -r sp50 sp95 <<< "$(http_latency "$STAFF" "$BASE/api/v1/stats?groupBy=$query&from=$from")"
      read -r dp50 dp95 <<< "$(sql_latency "$WORK/groupby.sql")"
      row "| stats $label, $(echo "$dims" | tr ',' '+'), $(echo "$range" | cut -d: -f2) | p50 $sp50 ms, p95 $sp95 ms | plain GROUP BY p50 $dp50 ms, p95 $dp95 ms | $(awk -v a="$sp95" -v b="$dp95" 'BEGIN {printf "%.3f", a/b}') |"
    done
  done

  log "Wish list at $label"
  for query in "size=50" "topic=PRAISE&status=NEW&size=50" "language=uk&from=$YEAR_AGO&size=50" \
               "q=c0ffee&size=50" "q=schuldnerberatung&size=50" "q=mieterbund%20flyer&targetGroup=PARENTS&size=50" \
               "q=mieterbund%20flyer&targetGroup=PARENTS&page=19&size=50" \
               "q=beratung%20freundlich&topic=PRAISE&from=$YEAR_AGO&size=50" "page=100&size=50"; do
    read -r lp50 lp95 <<< "$(http_latency "$STAFF" "$BASE/api/v1/wishes?$query")"
    row "| wish list $label, $query | p50 $lp50 ms, p95 $lp95 ms | target p95 < 100 ms | |"
  done

  log "Submissions at $label ($CONCURRENCY concurrent, ${SECONDS_PER_RUN}s)"
  submission_load default "$KIOSK"
  wrk -t2 -c "$CONCURRENCY" -d10s -s "$WORK/post.lua" "$BASE/api/v1/wishes" > /dev/null   # warm-up
  wrk -t2 -c "$CONCURRENCY" -d "${SECONDS_PER_RUN}s" -s "$WORK/post.lua" "$BASE/api/v1/wishes" > "$WORK/wrk-post.txt"
  api_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-post.txt")
  non201=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk-post.txt")
  non201=${non201:-0}
  insert_tps 10 > /dev/null  # warm-up
  db_tps=$(insert_tps "$SECONDS_PER_RUN")
  row "| submissions/s $label, $CONCURRENCY concurrent (wrk) | $api_rps /s (non-2xx answers: $non201) | pgbench same inserts $db_tps /s | $(awk -v a="$api_rps" -v b="$db_tps" 'BEGIN {printf "%.2f", a/b}') |"
  row "| resident memory after load, $label | $(rss_mb) MiB | | |"

  log "Release run at $label: a week of 100,000 sealed wishes"
  # Last week's wishes as kiosks would have left them: sealed, spread over target groups and languages.
  "${PSQL[@]}" -d "$DB" -c "INSERT INTO wish (id, jobcenter, target_group, topic, language, text, status, submitted_on, receipt_hash, version)
      SELECT gen_random_uuid(), 'default', (ARRAY['PARENTS','SINGLE_HOUSEHOLD','MIGRATION','OTHER'])[1 + floor(random() * 4)::int],
             'PRAISE', (ARRAY['de','de','de','uk','ar','tr','ru',NULL])[1 + floor(random() * 8)::int], 'Danke ' || g,
             'NEW', (date_trunc('week', current_date) - interval '7 days')::date,
             encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 0
      FROM generate_series(1, 100000) AS g" -c "ANALYZE wish"
  release_started=$(date +%s%N)
  released=$(curl -fs -X POST -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/releases")
  row "| release run $label, a week of 100,000 sealed wishes | $(( ($(date +%s%N) - release_started) / 1000000 )) ms | $released | |"
  stop_service
done

{
  echo "# Benchmark results"
  echo
  echo "Run with \`bash bench/run.sh ${SIZES[*]}\` on $(date -u +%F), $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo
  machine
  echo
  echo "Each figure is measured in the same run as its limit; the ratio column is service / limit"
  echo "(for latency, smaller is better; for throughput, larger is better)."
  echo
  echo "| what | service | limit | ratio |"
  echo "|---|---|---|---|"
  cat "$WORK/table.md"
} > "$WORK/RESULTS.generated.md"
log "Done: $WORK/RESULTS.generated.md"
cat "$WORK/RESULTS.generated.md"
