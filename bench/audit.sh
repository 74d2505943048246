#!/usr/bin/env bash
# What the audit log costs a read: the wish list with auditing (this checkout) against the same service
# without it (the commit before the audit log came in), on the same data. Both run at once and every
# client sends each request to both in turn (bench/alternate.py), so that both see the same moment of a
# shared, noisy machine: the paired difference is the figure, not two runs minutes apart.
#
#   bash bench/audit.sh                 # 100,000 wishes
#   BENCH_WISHES=1000000 bash bench/audit.sh
#
# Settings (environment): BENCH_WISHES (100000), BENCH_REQUESTS per client and service (500),
# BENCH_CONCURRENCY (8), BENCH_DB (mitreden_bench_audit; it is dropped and created), BENCH_BASELINE (a
# commit; default: the parent of the commit that added the audit recorder), BENCH_REBUILD=1 to rebuild this
# checkout's jar. The audited service must have written every audited request by the end: the script
# checks the audit_event table against the number of requests it sent.
set -euo pipefail
cd "$(dirname "$0")/.."

WISHES=${BENCH_WISHES:-100000}
REQUESTS=${BENCH_REQUESTS:-500}
CONCURRENCY=${BENCH_CONCURRENCY:-8}
DB=${BENCH_DB:-mitreden_bench_audit}
WORK=target/bench-audit
BASELINE_PORT=8384
AUDITED_PORT=8385
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
mkdir -p "$WORK"

log() { printf '\n==> %s\n' "$*" >&2; }

# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres
if ! command -v python3 >/dev/null || ! command -v openssl >/dev/null; then
  log "Installing python3 and openssl from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 openssl >/dev/null
fi

# --- the two builds -------------------------------------------------------------------------------
BASELINE=${BENCH_BASELINE:-$(git log --diff-filter=A --format=%H -- src/main/java/org/mitreden/audit/AuditRecorder.java | tail -n 1)^}
BASELINE=$(git rev-parse --short "$BASELINE")
# shellcheck source=builds.sh
. bench/builds.sh
checkout_app "$WORK/audited" "${BENCH_REBUILD:-}"
build_commit "$BASELINE"   # the service without the audit log

# --- tokens and secrets for this run only ---------------------------------------------------------
# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
STAFF=$(token staff)
IDEMPOTENCY_SECRET=$(openssl rand -base64 48)

PIDS=()
# start_service JAR PORT (health on PORT, or on the management port PORT + 1000 in jars from before it moved)
start_service() {
  QUARKUS_HTTP_PORT=$2 QUARKUS_MANAGEMENT_PORT=$(( $2 + 1000 )) \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$WORK/public.pem" MP_JWT_VERIFY_ISSUER=https://bench.mitreden \
  MITREDEN_RATE_LIMIT_ENABLED=false MITREDEN_IDEMPOTENCY_SECRET="$IDEMPOTENCY_SECRET" \
  QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false \
    java -jar "$1" > "$WORK/service-$2.log" 2>&1 &
  PIDS+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$(( $2 + 1000 ))/q/health/ready" \
      || curl -fs -o /dev/null "http://127.0.0.1:$2/q/health/ready"; do
    kill -0 "$!" 2>/dev/null || { cat "$WORK/service-$2.log" >&2; exit 1; }
    sleep 0.1
  done
}
# A graceful stop: the audited service writes what is still queued.
stop_services() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
trap stop_services EXIT

# --- data -----------------------------------------------------------------------------------------
log "Database $DB with $WISHES wishes"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# The audited build migrates the schema, V10 included; the baseline does not validate (it knows no V10).
start_service "$WORK/audited/quarkus-run.jar" "$AUDITED_PORT"
stop_services
"${PSQL[@]}" -d "$DB" -v n="$WISHES" -f bench/load.sql > "$WORK/load.txt"
"${PSQL[@]}" -d "$DB" -c 'TRUNCATE audit_event'

# --- measuring ------------------------------------------------------------------------------------
start_service "$WORK/baseline-$BASELINE/target/quarkus-app/quarkus-run.jar" "$BASELINE_PORT"
start_service "$WORK/audited/quarkus-run.jar" "$AUDITED_PORT"
LIST="/api/v1/wishes?topic=PRAISE&status=NEW&size=50"
run() { python3 bench/alternate.py "$STAFF" "$LIST" "$1" "$2" "without=$BASELINE_PORT" "with=$AUDITED_PORT"; }

log "Warming up"
run 100 2 > /dev/null
sent=200
printf '| clients | without audit (%s) p50 / p95 / p99 | with audit p50 / p95 / p99 | median paired difference |\n|---|---|---|---|\n' \
  "$BASELINE" | tee "$WORK/table.md"
for clients in 1 "$CONCURRENCY"; do
  log "$clients client(s), $REQUESTS requests each to each service"
  run "$REQUESTS" "$clients" > "$WORK/run.txt"
  sent=$((sent + REQUESTS * clients))
  read -r _ _ w50 w95 w99 <<< "$(grep '^without ' "$WORK/run.txt")"
  read -r _ _ a50 a95 a99 <<< "$(grep '^with ' "$WORK/run.txt")"
  read -r _ diff <<< "$(grep '^difference ' "$WORK/run.txt")"
  printf '| %d | %s / %s / %s ms | %s / %s / %s ms | %s ms |\n' "$clients" "$w50" "$w95" "$w99" "$a50" "$a95" "$a99" "$diff" \
    | tee -a "$WORK/table.md"
done
stop_services
written=$("${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) FROM audit_event WHERE action = 'LIST_WISHES'")
printf '\nAudit events written: %s of %s list reads sent to the audited service.\n' "$written" "$sent" | tee -a "$WORK/table.md"
log "Table in $WORK/table.md"
