#!/usr/bin/env bash
# Statistics reads of this checkout against an earlier commit, on the 400-jobcenter data set that
# bench/jobcenters.sh loads (database mitreden_bench_jc; load it first). The two jars run one after the
# other, each for BENCH_ROUNDS turns, alternating, and each turn warms its jar up with 90 s of reads first;
# every figure is paired round by round with what it is compared with (bench/paired_sql.py, paired_http.py).
#
#   bash bench/stats-ab.sh                       # against the default baseline, one turn each
#   BENCH_BASELINE=4753ba1 BENCH_ROUNDS=2 bash bench/stats-ab.sh
#
# Measures, for jc-001 (the largest jobcenter) and the analyst: a statistics answer that is empty (next year:
# what a request costs besides its SQL) and one by target group and topic over three years, each against its
# own SQL; the national statistics by jobcenter over three years against their own SQL and against jc-001's
# statistics by topic over the same years; and the service's CPU for each empty answer.
# Settings (environment): BENCH_BASELINE (8a93d96, the last commit whose statistics ran in a transaction),
# BENCH_ROUNDS (1), BENCH_REQUESTS (300 per paired series), BENCH_READ_WARMUP (90 s), BENCH_REBUILD=1.
# Results go to the terminal and to target/bench-stats-ab/RESULTS.generated.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BASELINE=$(git rev-parse --short "${BENCH_BASELINE:-8a93d96}")
ROUNDS=${BENCH_ROUNDS:-1}
REQUESTS=${BENCH_REQUESTS:-300}
READ_WARMUP=${BENCH_READ_WARMUP:-90}
WORK=target/bench-stats-ab
DB=mitreden_bench_jc
PORT=8493
MANAGEMENT_PORT=8494
BASE=http://127.0.0.1:$PORT
mkdir -p "$WORK"
: > "$WORK/table.md"

log() { printf '\n==> %s\n' "$*" >&2; }
row() { printf '%s\n' "$*" | tee -a "$WORK/table.md"; }

# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres
psql -h 127.0.0.1 -U postgres -X -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || { echo "No database $DB: load it with bash bench/jobcenters.sh first" >&2; exit 1; }
if ! command -v hey >/dev/null || ! /usr/bin/python3 -c 'import psycopg2' 2>/dev/null; then
  log "Installing hey and psycopg2 from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey python3-psycopg2 openssl >/dev/null
fi

# --- the two builds -------------------------------------------------------------------------------
# shellcheck source=builds.sh
. bench/builds.sh
checkout_app "$WORK/new" "${BENCH_REBUILD:-}"
build_commit "$BASELINE"

# What autovacuum does within a minute of a release run (the national totals are read from an index alone only
# where the visibility map is current); PostgreSQL on the CI machines runs without autovacuum.
psql -h 127.0.0.1 -U postgres -X -q -d "$DB" -c 'VACUUM ANALYZE released_count, released_count_monthly, released_count_total'
# Statistics over whole years by target group or topic read the yearly counts since V17, the monthly ones before.
if psql -h 127.0.0.1 -U postgres -X -q -d "$DB" -tAc "SELECT to_regclass('released_count_yearly')" | grep -q yearly; then
  psql -h 127.0.0.1 -U postgres -X -q -d "$DB" -c 'VACUUM ANALYZE released_count_yearly'
fi

# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
IDEMPOTENCY_SECRET=$(openssl rand -base64 48)
# shellcheck source=service.sh
. bench/service.sh

STAFF=$(token staff '"jobcenter":"jc-001"')
ANALYST=$(token analyst)
THREE_YEARS=$(date -d "$(date +%Y)-01-01 -2 years" +%F)
NEXT_YEAR=$(date -d "$(date +%Y)-01-01 +1 year" +%F)
EMPTY="/api/v1/stats?groupBy=topic&from=$NEXT_YEAR"
MONTHLY="/api/v1/stats?groupBy=targetGroup&groupBy=topic&from=$THREE_YEARS"
NATIONAL="/api/v1/national-stats?groupBy=jobcenter&from=$THREE_YEARS"
NATIONAL_SQL="SELECT jobcenter, SUM(count) FROM released_count_total WHERE grain = 'YEAR' AND shown_start >= DATE '$THREE_YEARS' GROUP BY jobcenter"
BY_TOPIC="/api/v1/stats?groupBy=topic&from=$THREE_YEARS"

paired_sql() { /usr/bin/python3 bench/paired_sql.py "$1" "$PORT" "$2" "$DB" "$3" "$REQUESTS" | tr '\n' ' '; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

# measure LABEL [NAME=VALUE ...]: one turn of one jar, started with the extra settings given
measure() {
  local label=$1 warming=() sp50 dp50 r ap50 np50 before rps
  shift
  # The very SQL the jar runs: over whole years by target group or topic, the yearly counts where it has them (V17).
  local BY_CODES=released_count_monthly BY_CODES_START=shown_month EMPTY_SQL MONTHLY_SQL
  if unzip -l "$WORK"/app/app/*.jar | grep -q V17__yearly_counts; then
    BY_CODES=released_count_yearly BY_CODES_START=shown_year
  fi
  EMPTY_SQL="SELECT topic, SUM(count) FROM $BY_CODES WHERE 1 = 1 AND jobcenter IN ('jc-001') AND $BY_CODES_START >= DATE '$NEXT_YEAR' GROUP BY topic"
  MONTHLY_SQL="SELECT target_group, topic, SUM(count) FROM $BY_CODES WHERE 1 = 1 AND jobcenter IN ('jc-001') AND $BY_CODES_START >= DATE '$THREE_YEARS' GROUP BY target_group, topic"
  start_service MITREDEN_JOBCENTERS_MULTIPLE=true MITREDEN_RELEASE_CRON=off "$@"
  log "$label: warming reads up for ${READ_WARMUP}s"
  hey -z "${READ_WARMUP}s" -c 1 -H "Authorization: Bearer $STAFF" "$BASE$EMPTY" > /dev/null & warming+=($!)
  hey -z "${READ_WARMUP}s" -c 1 -H "Authorization: Bearer $STAFF" "$BASE$MONTHLY" > /dev/null & warming+=($!)
  hey -z "${READ_WARMUP}s" -c 1 -H "Authorization: Bearer $ANALYST" "$BASE$NATIONAL" > /dev/null & warming+=($!)
  wait "${warming[@]}"

  before=$(cpu_ticks)
  hey -z 15s -c 1 -H "Authorization: Bearer $STAFF" "$BASE$EMPTY" > "$WORK/hey-cpu.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/hey-cpu.txt")
  row "| $label | empty answer, service CPU per request | $(awk -v t=$(( $(cpu_ticks) - before )) -v r="$rps" \
        'BEGIN {printf "%.2f ms", t * 10 / (r * 15)}') | $rps requests/s, one client |"
  read -r _ sp50 _ _ dp50 _ _ r <<< "$(paired_sql "$STAFF" "$EMPTY" "$EMPTY_SQL")"
  row "| $label | jc-001 statistics, empty answer (next year) | $sp50 ms | own SQL $dp50 ms: $r |"
  read -r _ sp50 _ _ dp50 _ _ r <<< "$(paired_sql "$STAFF" "$MONTHLY" "$MONTHLY_SQL")"
  row "| $label | jc-001 statistics by target group and topic, 3 years | $sp50 ms | own SQL $dp50 ms: $r |"
  read -r _ sp50 _ _ dp50 _ _ r <<< "$(paired_sql "$ANALYST" "$NATIONAL" "$NATIONAL_SQL")"
  row "| $label | national statistics by jobcenter, 3 years | $sp50 ms | own SQL $dp50 ms: $r |"
  read -r _ ap50 _ _ np50 _ _ r <<< "$(/usr/bin/python3 bench/paired_http.py "$PORT" "$REQUESTS" \
    "$STAFF" "$BY_TOPIC" "$ANALYST" "$NATIONAL" | tr '\n' ' ')"
  row "| $label | national statistics by jobcenter against jc-001's by topic, 3 years | $np50 ms | jc-001 $ap50 ms: $r |"
  stop_service
}

for ((turn = 1; turn <= ROUNDS; turn++)); do
  rm -rf "$WORK/app" && cp -r "$WORK/baseline-$BASELINE/target/quarkus-app" "$WORK/app"
  # The data set has this checkout's migrations, which the baseline does not know.
  measure "$BASELINE (turn $turn)" QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false
  rm -rf "$WORK/app" && cp -r "$WORK/new" "$WORK/app"
  measure "$(git rev-parse --short HEAD) (turn $turn)"
done

{
  echo "Run with \`bash bench/stats-ab.sh\` on $(date -u +%F): $BASELINE against $(git rev-parse --short HEAD), p50 of $REQUESTS paired rounds, ratio the median of the per-round ratios."
  echo
  echo "| jar | request | p50 | compared with: ratio |"
  echo "|---|---|---|---|"
  cat "$WORK/table.md"
} > "$WORK/RESULTS.generated.md"
log "Done: $WORK/RESULTS.generated.md"
cat "$WORK/RESULTS.generated.md"
