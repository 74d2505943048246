#!/usr/bin/env bash
# What sealing and the k-anonymous release cost staff reads: this checkout against the jar before sealing,
# on the same wishes, in one run. Each service gets its own database, loaded by its own commit's
# bench/load.sql from the same random seed, so both hold the same wishes (checked below); the new one's are
# released by week, as the release job leaves a national data set. Both services run at once and every
# request goes to both in turn (bench/alternate.py), so both see the same moment of a shared machine.
# Statistics are also compared with their own SQL run straight in PostgreSQL, paired the same way
# (bench/paired_sql.py), and a release run over a week of 100,000 sealed wishes is timed.
#
#   bash bench/sealed-ab.sh                 # 10 million wishes
#   BENCH_WISHES=1000000 bash bench/sealed-ab.sh
#
# Settings (environment): BENCH_WISHES (10000000), BENCH_REQUESTS per series and service (200),
# BENCH_BASELINE_REQUESTS rounds of service and SQL in turn per statistics request (100), BENCH_BASELINE (a commit; default: the parent of
# the commit that added the release), BENCH_REUSE=1 to keep both databases if they hold BENCH_WISHES
# wishes, BENCH_REBUILD=1 to rebuild this checkout's jar.
set -euo pipefail
cd "$(dirname "$0")/.."

WISHES=${BENCH_WISHES:-10000000}
REQUESTS=${BENCH_REQUESTS:-200}
BASELINE_REQUESTS=${BENCH_BASELINE_REQUESTS:-100}
# Debian's python3 with its python3-psycopg2 (a python3 of pyenv or a venv may lack it).
PYTHON=${BENCH_PYTHON:-/usr/bin/python3}
OLD_DB=mitreden_ab_old
NEW_DB=mitreden_ab_new
OLD_PORT=8386
NEW_PORT=8387
WORK=target/bench-sealed
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
SEED=0.4711
mkdir -p "$WORK"
: > "$WORK/table.md"

log() { printf '\n==> %s\n' "$*" >&2; }

# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres
if ! "$PYTHON" -c 'import psycopg2' 2>/dev/null || ! command -v openssl >/dev/null; then
  log "Installing python3, psycopg2 and openssl from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-psycopg2 openssl >/dev/null
fi

# --- the two builds -------------------------------------------------------------------------------
BASELINE=${BENCH_BASELINE:-$(git log --diff-filter=A --format=%H -- src/main/java/org/mitreden/release/ReleaseService.java | tail -n 1)^}
BASELINE=$(git rev-parse --short "$BASELINE")
# shellcheck source=builds.sh
. bench/builds.sh
checkout_app "$WORK/new" "${BENCH_REBUILD:-}"
OLD_SRC=$WORK/baseline-$BASELINE
if [ ! -f "$OLD_SRC/target/quarkus-app/quarkus-run.jar" ]; then
  log "Building $BASELINE, the service before sealing"
  rm -rf "$OLD_SRC" && mkdir -p "$OLD_SRC"
  git archive "$BASELINE" | tar -x -C "$OLD_SRC"
  (cd "$OLD_SRC" && ./mvnw -q -B package -DskipTests)
fi

# --- tokens: a key pair for this run only ---------------------------------------------------------
# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
STAFF=$(token staff)
ADMIN=$(token admin)
IDEMPOTENCY_SECRET=$(openssl rand -base64 48)

# --- services: health on the API port, or on the management port (+1000) in jars of the months it was there ---
PIDS=()
start_service() {  # jar port database
  QUARKUS_HTTP_PORT=$2 QUARKUS_MANAGEMENT_PORT=$(( $2 + 1000 )) \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$3" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$WORK/public.pem" MP_JWT_VERIFY_ISSUER=https://bench.mitreden \
  MITREDEN_RATE_LIMIT_ENABLED=false MITREDEN_IDEMPOTENCY_SECRET="$IDEMPOTENCY_SECRET" MITREDEN_RELEASE_CRON=off \
    java -jar "$1" > "$WORK/service-$2.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  until curl -fs -o /dev/null "http://127.0.0.1:$(( $2 + 1000 ))/q/health/ready" \
      || curl -fs -o /dev/null "http://127.0.0.1:$2/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/service-$2.log" >&2; exit 1; }
    sleep 0.1
  done
}
stop_services() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap stop_services EXIT

# --- the same wishes in both databases --------------------------------------------------------------
content() {  # what staff could learn of a database's wishes: their number and a sum of one hash per wish
  "${PSQL[@]}" -d "$1" -tAc "SELECT count(*), sum(('x' || substr(md5(concat_ws('/', target_group, topic, language,
      status, submitted_on, text, response, responded_on)), 1, 15))::bit(60)::bigint) FROM wish
      WHERE text NOT LIKE 'Danke %'"  # leaves out a release run's week kept from an earlier run (BENCH_REUSE)
}
loaded() { "${PSQL[@]}" -d "$1" -tAc 'SELECT count(*) FROM wish' 2>/dev/null || echo 0; }
if [ -n "${BENCH_REUSE:-}" ] && [ "$(loaded "$OLD_DB")" -ge "$WISHES" ] && [ "$(loaded "$NEW_DB")" -ge "$WISHES" ]; then
  log "Reusing $OLD_DB and $NEW_DB"
else
  for side in old new; do
    if [ "$side" = old ]; then db=$OLD_DB jar=$OLD_SRC/target/quarkus-app/quarkus-run.jar load=$OLD_SRC/bench/load.sql port=$OLD_PORT
    else db=$NEW_DB jar=$WORK/new/quarkus-run.jar load=bench/load.sql port=$NEW_PORT; fi
    log "Loading $WISHES wishes into $db (schema by the $side service's migrations)"
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    start_service "$jar" "$port" "$db"
    stop_services
    started=$(date +%s)
    # One session: the seed makes load.sql draw the same wishes for both.
    "${PSQL[@]}" -d "$db" -v n="$WISHES" -c "SELECT setseed($SEED)" -f "$load" > "$WORK/load-$side.txt"
    printf '| load %s wishes (%s) | %s s | | |\n' "$WISHES" "$side" "$(( $(date +%s) - started ))" >> "$WORK/table.md"
  done
fi
log "Checking that both databases hold the same wishes"
[ "$(content "$OLD_DB")" = "$(content "$NEW_DB")" ] || { echo "The two databases hold different wishes" >&2; exit 1; }
sealed=$("${PSQL[@]}" -d "$NEW_DB" -tAc 'SELECT count(*) FROM wish WHERE shown_on IS NULL')

start_service "$OLD_SRC/target/quarkus-app/quarkus-run.jar" "$OLD_PORT" "$OLD_DB"
start_service "$WORK/new/quarkus-run.jar" "$NEW_PORT" "$NEW_DB"
pair() { "$PYTHON" bench/alternate.py "$STAFF" "$1" "$REQUESTS" 1 "old=$OLD_PORT" "new=$NEW_PORT" > "$WORK/pair.txt"; }
# The new service's request and its own statement in turn, on the new database: "p50 p95 p50 p95 ratio"
own_sql() {
  "$PYTHON" bench/paired_sql.py "$STAFF" "$NEW_PORT" "$1" "$NEW_DB" "$2" "$BASELINE_REQUESTS" > "$WORK/own.txt"
  printf '%s %s %s\n' "$(grep '^service ' "$WORK/own.txt" | cut -d' ' -f2-)" "$(grep '^sql ' "$WORK/own.txt" | cut -d' ' -f2-)" \
    "$(grep '^ratio ' "$WORK/own.txt" | cut -d' ' -f2)"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

log "Warming up both"
"$PYTHON" bench/alternate.py "$STAFF" "/api/v1/stats?groupBy=topic" 50 2 "old=$OLD_PORT" "new=$NEW_PORT" > /dev/null
"$PYTHON" bench/alternate.py "$STAFF" "/api/v1/wishes" 50 2 "old=$OLD_PORT" "new=$NEW_PORT" > /dev/null

YEAR_AGO=$(date -d '-1 year' +%F)
THREE_YEARS_AGO=$(date -d '-3 years' +%F)
{
  echo
  echo "| statistics | before sealing ($BASELINE) p50 / p95 | sealed p50 / p95 | sealed / before (p95) | sealed, paired with its own SQL: service p50 / p95, SQL p50 / p95 | median of paired ratios service / SQL |"
  echo "|---|---|---|---|---|---|"
} >> "$WORK/table.md"
for dims in "targetGroup" "targetGroup,topic" "targetGroup,topic,language"; do
  columns=$(echo "$dims" | sed 's/targetGroup/target_group/')
  query=$(echo "$dims" | sed 's/,/\&groupBy=/g')
  for range in "$YEAR_AGO:1 year" "$THREE_YEARS_AGO:3 years"; do
    from=${range%%:*}
    log "Statistics by $dims over ${range#*:}"
    pair "/api/v1/stats?groupBy=$query&from=$from"
    read -r _ _ o50 o95 _ <<< "$(grep '^old ' "$WORK/pair.txt")"
    read -r _ _ n50 n95 _ <<< "$(grep '^new ' "$WORK/pair.txt")"
    # The statement the service sends for this request (StatsService), with the date written in.
    read -r a50 a95 s50 s95 own <<< "$(own_sql "/api/v1/stats?groupBy=$query&from=$from" \
      "SELECT $columns, SUM(count) FROM released_count WHERE 1 = 1 AND shown_on >= DATE '$from' GROUP BY $columns")"
    printf '| %s, %s | %s / %s ms | %s / %s ms | %s | %s / %s ms, %s / %s ms | %s |\n' "$(echo "$dims" | tr ',' '+')" "${range#*:}" \
      "$o50" "$o95" "$n50" "$n95" "$(ratio "$n95" "$o95")" "$a50" "$a95" "$s50" "$s95" "$own" | tee -a "$WORK/table.md"
  done
done

{
  echo
  echo "| wish list (size=50) | before sealing p50 / p95 | sealed p50 / p95 | sealed / before (p95) |"
  echo "|---|---|---|---|"
} >> "$WORK/table.md"
for query in "size=50" "topic=PRAISE&status=NEW&size=50" "language=uk&from=$YEAR_AGO&size=50" \
             "q=c0ffee&size=50" "q=schuldnerberatung&size=50" "q=mieterbund%20flyer&targetGroup=PARENTS&size=50" \
             "q=beratung%20freundlich&topic=PRAISE&from=$YEAR_AGO&size=50" "page=100&size=50" \
             "sort=submittedOn,asc&size=50"; do
  log "Wish list $query"
  pair "/api/v1/wishes?$query"
  read -r _ _ o50 o95 _ <<< "$(grep '^old ' "$WORK/pair.txt")"
  read -r _ _ n50 n95 _ <<< "$(grep '^new ' "$WORK/pair.txt")"
  printf '| %s | %s / %s ms | %s / %s ms | %s |\n' "${query%&size=50}" "$o50" "$o95" "$n50" "$n95" "$(ratio "$n95" "$o95")" \
    | tee -a "$WORK/table.md"
done
stop_services

log "Release run: a week of 100,000 sealed wishes"
start_service "$WORK/new/quarkus-run.jar" "$NEW_PORT" "$NEW_DB"
# Last week's wishes as kiosks would have left them: sealed, spread over target groups and languages.
"${PSQL[@]}" -d "$NEW_DB" -c "INSERT INTO wish (id, jobcenter, target_group, topic, language, text, status, submitted_on, receipt_hash, version)
    SELECT gen_random_uuid(), 'default', (ARRAY['PARENTS','SINGLE_HOUSEHOLD','MIGRATION','OTHER'])[1 + floor(random() * 4)::int],
           'PRAISE', (ARRAY['de','de','de','uk','ar','tr','ru',NULL])[1 + floor(random() * 8)::int], 'Danke ' || g,
           'NEW', (date_trunc('week', current_date) - interval '7 days')::date,
           encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 0
    FROM generate_series(1, 100000) AS g" -c "ANALYZE wish"
started=$(date +%s%N)
answer=$(curl -fs -X POST -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$NEW_PORT/api/v1/releases")
took=$(( ($(date +%s%N) - started) / 1000000 ))
stop_services
printf '\n| release run | took | answer |\n|---|---|---|\n| a week of 100,000 sealed wishes, beside %s sealed of this week, %s wishes in all | %s ms | %s |\n' \
  "$sealed" "$WISHES" "$took" "$answer" | tee -a "$WORK/table.md"

log "Table in $WORK/table.md"
cat "$WORK/table.md"
