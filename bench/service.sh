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
#   submission_load JOBCENTER TOKEN  writes $WORK/post.lua (wrk: a kiosk's submission, with TOKEN) and
#                                    $WORK/insert.sql (pgbench: the same wish as the service stores it, sealed,
#                                    into JOBCENTER), so that every benchmark compares the same work
#   insert_tps SECONDS               pgbench's inserts/s of $WORK/insert.sql, $CONCURRENCY clients

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

WISH_TEXT='Bitte mehr Termine am Nachmittag, dann kann ich die Kinder vorher von der Kita abholen. Telefon 0176 12345678.'
submission_load() {
  cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $2"
wrk.body = [[{"targetGroup": "PARENTS", "topic": "INDIVIDUAL_SITUATION", "language": "de", "text": "$WISH_TEXT"}]]
LUA
  # The text as the service stores it (the phone number scrubbed); one transaction per wish, as a submission
  # (counts move only at release).
  cat > "$WORK/insert.sql" <<SQL
INSERT INTO wish (id, jobcenter, target_group, topic, language, text, status, submitted_on, receipt_hash, version)
VALUES (gen_random_uuid(), '$1', 'PARENTS', 'INDIVIDUAL_SITUATION', 'de', '${WISH_TEXT/0176 12345678/[TELEFON]}',
        'NEW', date_trunc('week', current_date)::date, encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 0);
SQL
}
insert_tps() {
  pgbench -h 127.0.0.1 -U postgres -n -c "$CONCURRENCY" -j 2 -T "$1" -f "$WORK/insert.sql" "$DB" 2>/dev/null \
    | awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]; exit}'
}
