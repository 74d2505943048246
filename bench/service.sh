# The production jar as a benchmark runs it, for bench/run.sh and bench/jobcenters.sh: sourced after they set
# WORK (where app/ and the key pair are), DB, PORT, MANAGEMENT_PORT (for jars from before health moved to the API
# port) and IDEMPOTENCY_SECRET.
#
#   start_service [NAME=VALUE ...]   starts $WORK/app/quarkus-run.jar with extra settings, waits until it is
#                                    ready; sets PID and STARTUP_MS (exec to ready)
#   stop_service                     stops it (and runs at exit)
#   rss_mb                           its resident memory
#   http_latency TOKEN URL           hey's p50 and p95 in ms over $REQUESTS requests one after another;
#                                    fails unless every answer was 200
#   submission_load, insert_tps      the kiosks' submissions and pgbench's same inserts (submission-load.sh)

PID=
start_service() {
  local started
  started=$(date +%s%N)
  env QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$PWD/$WORK/public.pem" MP_JWT_VERIFY_ISSUER=https://bench.mitreden \
    MITREDEN_RATE_LIMIT_ENABLED=false MITREDEN_IDEMPOTENCY_SECRET="$IDEMPOTENCY_SECRET" "$@" \
    java -jar "$WORK/app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
  PID=$!
  # Health is on the API port; jars built before it moved there have it on their management port.
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" \
      || curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_service() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  PID=
}
trap stop_service EXIT
rss_mb() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }

http_latency() {
  hey -n "$REQUESTS" -c 1 -H "Authorization: Bearer $1" "$2" > "$WORK/hey.txt"
  if grep -E '^\s+\[[0-9]+\]' "$WORK/hey.txt" | grep -qv '\[200\]'; then
    echo "hey: not every answer was 200 for $2" >&2; grep -A5 'Status code distribution' "$WORK/hey.txt" >&2; exit 1
  fi
  awk '/ 50% in/ {p50=$3} / 95% in/ {p95=$3} END {printf "%.1f %.1f", p50*1000, p95*1000}' "$WORK/hey.txt"
}

# shellcheck source=submission-load.sh
. bench/submission-load.sh
