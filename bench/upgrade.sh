#!/usr/bin/env bash
# What upgrading a database from before sealing costs: the first start of this checkout on it (the
# migrations) and the first release run, which releases every wish already stored.
#
#   bash bench/upgrade.sh                   # 1 million wishes
#   BENCH_WISHES=10000000 bash bench/upgrade.sh
#
# Settings (environment): BENCH_WISHES (1000000), BENCH_BASELINE (a commit from before sealing; default:
# the parent of the commit that added the release), BENCH_REBUILD=1 to rebuild this checkout's jar,
# BENCH_JAR to time another build of the service instead of this checkout's.
set -euo pipefail
cd "$(dirname "$0")/.."

WISHES=${BENCH_WISHES:-1000000}
DB=mitreden_upgrade
PORT=8388
WORK=target/bench-upgrade
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
mkdir -p "$WORK"

log() { printf '\n==> %s\n' "$*" >&2; }

# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres

BASELINE=${BENCH_BASELINE:-$(git log --diff-filter=A --format=%H -- src/main/java/org/mitreden/release/ReleaseService.java | tail -n 1)^}
BASELINE=$(git rev-parse --short "$BASELINE")
# shellcheck source=builds.sh
. bench/builds.sh
[ -n "${BENCH_JAR:-}" ] || build_checkout "${BENCH_REBUILD:-}"
rm -rf "$WORK/new" && cp -r "$(dirname "${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}")" "$WORK/new"
OLD_SRC=target/bench-sealed/baseline-$BASELINE
if [ ! -f "$OLD_SRC/target/quarkus-app/quarkus-run.jar" ]; then
  log "Building $BASELINE, the service before sealing"
  rm -rf "$OLD_SRC" && mkdir -p "$OLD_SRC"
  git archive "$BASELINE" | tar -x -C "$OLD_SRC"
  (cd "$OLD_SRC" && ./mvnw -q -B package -DskipTests)
fi

# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
ADMIN=$(token admin)

PID=
start_service() {  # jar
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$(( PORT + 1000 )) \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$WORK/public.pem" MP_JWT_VERIFY_ISSUER=https://bench.mitreden \
  MITREDEN_IDEMPOTENCY_SECRET="$(openssl rand -base64 48)" MITREDEN_RELEASE_CRON=off \
    java -jar "$1" > "$WORK/service.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$(( PORT + 1000 ))/q/health/ready" \
      || curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
    sleep 0.1
  done
}
stop_service() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; PID=; }
trap stop_service EXIT

log "$WISHES wishes as the service before sealing ($BASELINE) stored them"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
start_service "$OLD_SRC/target/quarkus-app/quarkus-run.jar"
stop_service
"${PSQL[@]}" -d "$DB" -v n="$WISHES" -f "$OLD_SRC/bench/load.sql" > "$WORK/load.txt"

log "First start of this checkout: the migrations"
started=$(date +%s%N)
start_service "$WORK/new/quarkus-run.jar"
migrated=$(( ($(date +%s%N) - started) / 1000000 ))
sealed=$("${PSQL[@]}" -d "$DB" -tAc 'SELECT count(*) FROM wish WHERE shown_on IS NULL')

log "First release run"
started=$(date +%s%N)
status=$(curl -s -o "$WORK/release.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" \
  "http://127.0.0.1:$PORT/api/v1/releases")
took=$(( ($(date +%s%N) - started) / 1000000 ))
left=$("${PSQL[@]}" -d "$DB" -tAc 'SELECT count(*) FROM wish WHERE shown_on IS NULL')
stop_service

{
  printf '| upgrade of %s wishes | took | result |\n|---|---|---|\n' "$WISHES"
  printf '| first start, migrations included | %s ms | %s wishes sealed |\n' "$migrated" "$sealed"
  printf '| first release run | %s ms | HTTP %s: %s; %s still sealed (this week and classes below k) |\n' \
    "$took" "$status" "$(head -c 300 "$WORK/release.json")" "$left"
} | tee "$WORK/table.md"
