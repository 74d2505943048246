#!/usr/bin/env bash
# Submissions of this checkout against an earlier commit, each against pgbench doing the same inserts right after
# it, on one database. The two jars run one after the other, alternating, BENCH_ROUNDS turns each; every turn
# starts its jar afresh and warms it up with BENCH_WARMUP seconds of submissions first (the JIT compiler needs
# minutes on two cores, see RESULTS.md), then measures.
#
#   bash bench/submissions-ab.sh                          # against the default baseline, two turns each
#   BENCH_BASELINE=5d1b964 BENCH_ROUNDS=3 bash bench/submissions-ab.sh
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bash bench/submissions-ab.sh   # both jars on JDK 25
#
# Measures per turn: submissions/s by kiosks of jc-001 (wrk, BENCH_CONCURRENCY connections, BENCH_SECONDS), the
# service's CPU per submission in that time (its ticks in /proc), and pgbench's inserts/s (bench/jobcenters.sh's
# statement) for as long, right after. The database (mitreden_bench_submit) is loaded once with BENCH_WISHES
# wishes over 400 jobcenters by bench/load.sql and kept; BENCH_RELOAD=1 loads it again.
# Settings (environment): BENCH_BASELINE (5d1b964, the last commit that persisted each wish through Hibernate in
# a transaction), BENCH_ROUNDS (2), BENCH_WARMUP (240 s), BENCH_SECONDS (20), BENCH_CONCURRENCY (8),
# BENCH_WISHES (1000000), BENCH_JAVA (java), BENCH_REBUILD=1.
# Results go to the terminal and to target/bench-submissions-ab/RESULTS.generated.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BASELINE=$(git rev-parse --short "${BENCH_BASELINE:-5d1b964}")
ROUNDS=${BENCH_ROUNDS:-2}
WARMUP=${BENCH_WARMUP:-240}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
CONCURRENCY=${BENCH_CONCURRENCY:-8}
WISHES=${BENCH_WISHES:-1000000}
JAVA=${BENCH_JAVA:-java}
WORK=target/bench-submissions-ab
DB=mitreden_bench_submit
PORT=8495
MANAGEMENT_PORT=8496
BASE=http://127.0.0.1:$PORT
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
mkdir -p "$WORK"
: > "$WORK/table.md"

log() { printf '\n==> %s\n' "$*" >&2; }
row() { printf '%s\n' "$*" | tee -a "$WORK/table.md"; }

# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres
if ! command -v wrk >/dev/null || ! command -v pgbench >/dev/null; then
  log "Installing wrk and pgbench from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql-client openssl >/dev/null
fi

# --- the two builds -------------------------------------------------------------------------------
# shellcheck source=builds.sh
. bench/builds.sh
checkout_app "$WORK/new" "${BENCH_REBUILD:-}"
build_commit "$BASELINE"

# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
IDEMPOTENCY_SECRET=$(openssl rand -base64 48)
# shellcheck source=service.sh
. bench/service.sh
# service.sh starts `java`; the one asked for goes first on the PATH.
JAVA_DIR=$(dirname "$(command -v "$JAVA")")
export PATH="$JAVA_DIR:$PATH"

# --- the data set ---------------------------------------------------------------------------------
if [ -n "${BENCH_RELOAD:-}" ] || ! "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  log "Loading $WISHES wishes over 400 jobcenters into $DB"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  rm -rf "$WORK/app" && cp -r "$WORK/new" "$WORK/app"
  start_service MITREDEN_JOBCENTERS_MULTIPLE=true MITREDEN_RELEASE_CRON=off
  stop_service
  "${PSQL[@]}" -d "$DB" -v n="$WISHES" -v jobcenters=400 -f bench/load.sql > /dev/null
  "${PSQL[@]}" -d "$DB" -c 'VACUUM ANALYZE'
fi

submission_load jc-001 "$(token kiosk '"jobcenter":"jc-001"')"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

# measure LABEL [NAME=VALUE ...]: one turn of the jar in $WORK/app, started with the extra settings given
measure() {
  local label=$1 before ticks api_rps non2xx db_tps
  shift
  start_service MITREDEN_JOBCENTERS_MULTIPLE=true MITREDEN_RELEASE_CRON=off "$@"
  log "$label: warming submissions up for ${WARMUP}s"
  wrk -t2 -c "$CONCURRENCY" -d "${WARMUP}s" -s "$WORK/post.lua" "$BASE/api/v1/wishes" > /dev/null
  before=$(cpu_ticks)
  wrk -t2 -c "$CONCURRENCY" -d "${SECONDS_PER_RUN}s" -s "$WORK/post.lua" "$BASE/api/v1/wishes" > "$WORK/wrk.txt"
  ticks=$(( $(cpu_ticks) - before ))
  api_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.txt")
  stop_service
  db_tps=$(insert_tps "$SECONDS_PER_RUN")
  row "| $label | $api_rps /s (non-2xx: ${non2xx:-0}) | $(awk -v t="$ticks" -v r="$api_rps" -v s="$SECONDS_PER_RUN" \
      'BEGIN {printf "%.2f ms", t * 10 / (r * s)}') | $db_tps /s | $(awk -v a="$api_rps" -v d="$db_tps" 'BEGIN {printf "%.2f", a / d}') |"
}

row "| jar (turn), $("$JAVA" -version 2>&1 | head -1) | submissions | service CPU per submission | pgbench right after | ratio |"
row "|---|---|---|---|---|"
for ((turn = 1; turn <= ROUNDS; turn++)); do
  rm -rf "$WORK/app" && cp -r "$WORK/baseline-$BASELINE/target/quarkus-app" "$WORK/app"
  measure "$BASELINE (turn $turn)"
  rm -rf "$WORK/app" && cp -r "$WORK/new" "$WORK/app"
  measure "$(git rev-parse --short HEAD) (turn $turn)"
done
cp "$WORK/table.md" "$WORK/RESULTS.generated.md"
