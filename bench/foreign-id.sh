#!/usr/bin/env bash
# Whether a wish id of another jobcenter can be told from one that does not exist by how long its 404 takes:
# staff of jc-a read a released wish of jc-b and a random id, paired round by round on one service
# (bench/paired_http.py), this checkout against an earlier commit, alternating on the same database. Before
# 21e835f the service loaded the wish and then refused it; since, the query refuses it.
#
#   bash bench/foreign-id.sh
#
# Settings (environment): BENCH_BASELINE (d4a2840, before 21e835f), BENCH_ROUNDS (2 turns of each jar),
# BENCH_REQUESTS (3000 pairs per turn, after 1000 to warm up). Results go to the terminal and to
# target/bench-foreign-id/RESULTS.generated.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BASELINE=$(git rev-parse --short "${BENCH_BASELINE:-d4a2840}")
ROUNDS=${BENCH_ROUNDS:-2}
REQUESTS=${BENCH_REQUESTS:-3000}
DB=mitreden_bench_foreign
PORT=8392
MANAGEMENT_PORT=9392
WORK=target/bench-foreign-id
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
mkdir -p "$WORK"

log() { printf '\n==> %s\n' "$*" >&2; }

# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres

# shellcheck source=builds.sh
. bench/builds.sh
build_commit "$BASELINE"
checkout_app "$WORK/new"
# service.sh runs $WORK/app: a link to the jar of the turn.
use_jar() { ln -sfn "$1" "$WORK/app"; }

# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
IDEMPOTENCY_SECRET=$(openssl rand -base64 48)
# shellcheck source=service.sh
. bench/service.sh
SETTINGS=(MITREDEN_JOBCENTERS_MULTIPLE=true MITREDEN_RELEASE_CRON=off)

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
log "Two jobcenters; five wishes of jc-b from three weeks ago, released"
use_jar "$PWD/$WORK/baseline-$BASELINE/target/quarkus-app"
start_service "${SETTINGS[@]}"
API=http://127.0.0.1:$PORT/api/v1
for jobcenter in jc-a jc-b; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $(token operator)" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$jobcenter\",\"name\":\"Jobcenter $jobcenter\"}" "$API/jobcenters"
done
COLLECTED=$(date -d "monday - 3 weeks" +%F)
for i in 1 2 3 4 5; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $(token system '"jobcenter":"jc-b"')" -H 'Content-Type: application/json' \
    -d "{\"targetGroup\":\"PARENTS\",\"topic\":\"PRAISE\",\"language\":\"de\",\"text\":\"Gute Beratung $i\",\"collectedOn\":\"$COLLECTED\"}" \
    "$API/wishes"
done
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $(token admin '"jobcenter":"jc-b"')" "$API/releases"
FOREIGN=$(curl -fsS -H "Authorization: Bearer $(token staff '"jobcenter":"jc-b"')" "$API/wishes?size=1" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
stop_service

STAFF_A=$(token staff '"jobcenter":"jc-a"')
UNKNOWN=$(python3 -c 'import uuid; print(uuid.uuid4())')
: > "$WORK/times.txt"
for ((turn = 1; turn <= ROUNDS; turn++)); do
  for jar in old new; do
    if [ "$jar" = old ]; then use_jar "$PWD/$WORK/baseline-$BASELINE/target/quarkus-app"; else use_jar "$PWD/$WORK/new"; fi
    start_service "${SETTINGS[@]}"
    BENCH_EXPECT_STATUS=404 python3 bench/paired_http.py "$PORT" 1000 "$STAFF_A" "/api/v1/wishes/$UNKNOWN" \
      "$STAFF_A" "/api/v1/wishes/$FOREIGN" > /dev/null
    BENCH_EXPECT_STATUS=404 python3 bench/paired_http.py "$PORT" "$REQUESTS" "$STAFF_A" "/api/v1/wishes/$UNKNOWN" \
      "$STAFF_A" "/api/v1/wishes/$FOREIGN" | tr '\n' ' ' | sed "s/^/$turn $jar /; s/\$/\n/" | tee -a "$WORK/times.txt"
    stop_service
  done
done

{
  echo "Run with \`bash bench/foreign-id.sh\` on $(date -u +%F): $BASELINE against $(git rev-parse --short HEAD), $ROUNDS turns"
  echo "of $REQUESTS pairs each; 404 of jc-a's staff for an unknown id (a) and for a released wish of jc-b (b), ms."
  echo
  echo "| turn | jar | unknown id p50 / p95 | jc-b's wish p50 / p95 | median of paired ratios b / a |"
  echo "|---|---|---|---|---|"
  awk '{printf "| %s | %s | %s / %s | %s / %s | %s |\n", $1, $2 == "old" ? "'"$BASELINE"'" : "this checkout", $4, $5, $7, $8, $10}' "$WORK/times.txt"
} | tee "$WORK/RESULTS.generated.md"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB"
