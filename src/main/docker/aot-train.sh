#!/bin/sh
# Training run for the JDK 25 ahead-of-time cache (JEP 483/514/515): starts the packaged service once with
# -XX:AOTCacheOutput, sends it the requests production sees (lists, filters, text search, statistics,
# submissions, receipts, catalogues, health, metrics, OpenAPI), stops it with SIGTERM, and leaves the cache
# the JVM writes at exit. Classes loaded and linked, and method profiles, of this run are what the cache holds;
# a start with -XX:AOTCache then skips that work.
#
#   aot-train.sh APP_DIR CACHE_FILE [JVM flags...]
#
# CACHE_FILE is relative to APP_DIR unless absolute. APP_DIR is target/quarkus-app of the aot-jar packaging (quarkus.package.jar.type=aot-jar). The cache only
# fits the same JVM build and the same jars at the same paths: train with the java, the flags and the
# directory that production uses. Give the same GC and heap flags here as in production, or the JVM may
# refuse the cache at start (it then starts without it, only slower).
#
# Environment: JAVA (java), TRAIN_DB_URL (jdbc:postgresql://127.0.0.1:5432/mitreden), TRAIN_DB_USER (postgres),
# TRAIN_DB_PASSWORD (empty), TRAIN_PORT (8489), TRAIN_MANAGEMENT_PORT (9489: health of older jars,
# which served it on a management port; bench/startup.sh trains them too), TRAIN_ROUNDS (100),
# TRAIN_LOG (APP_DIR/../aot-train.log). Needs curl and openssl. POSIX sh: runs in the Alpine image too.
# The database gets the schema (Flyway) and a few hundred submitted wishes: use a throwaway database.
set -eu

APP_DIR=$1
CACHE=$2
shift 2
JAVA=${JAVA:-java}
PORT=${TRAIN_PORT:-8489}
MANAGEMENT_PORT=${TRAIN_MANAGEMENT_PORT:-9489}
ROUNDS=${TRAIN_ROUNDS:-100}
LOG=${TRAIN_LOG:-$APP_DIR/../aot-train.log}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A key pair and tokens for this run only; nothing of it stays.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
openssl rsa -in "$WORK/key.pem" -pubout -out "$WORK/public.pem" 2>/dev/null
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() {
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"https://training.mitreden","upn":"training-%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$1" "$1" "$now" $((now + 3600)) | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)"
}
STAFF=$(token staff)
KIOSK=$(token kiosk)

case $CACHE in /*) CACHE_PATH=$CACHE ;; *) CACHE_PATH=$APP_DIR/$CACHE ;; esac
rm -f "$CACHE_PATH"
(
  cd "$APP_DIR"
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  QUARKUS_DATASOURCE_JDBC_URL=${TRAIN_DB_URL:-jdbc:postgresql://127.0.0.1:5432/mitreden} \
  QUARKUS_DATASOURCE_USERNAME=${TRAIN_DB_USER:-postgres} QUARKUS_DATASOURCE_PASSWORD=${TRAIN_DB_PASSWORD:-} \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" MP_JWT_VERIFY_ISSUER=https://training.mitreden \
  MITREDEN_RATE_LIMIT_ENABLED=false MITREDEN_IDEMPOTENCY_SECRET="$(openssl rand -base64 48)" \
    exec "$JAVA" "$@" -XX:AOTCacheOutput="$CACHE" -jar quarkus-run.jar
) > "$LOG" 2>&1 &
PID=$!

ready=0
for _ in $(seq 1 1200); do
  for OPS in "$PORT" "$MANAGEMENT_PORT"; do
    if curl -fs -o /dev/null "http://127.0.0.1:$OPS/q/health/ready"; then ready=1; break 2; fi
  done
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
if [ "$ready" != 1 ]; then
  echo "aot-train: the service did not become ready; its log: $LOG" >&2
  kill "$PID" 2>/dev/null || true
  exit 1
fi

API=http://127.0.0.1:$PORT/api/v1
get() { curl -fs -o /dev/null -H "Authorization: Bearer $STAFF" "$API/$1" || echo "aot-train: GET $1 failed" >&2; }
i=0
while [ "$i" -lt "$ROUNDS" ]; do
  i=$((i + 1))
  receipt=$(curl -fs -X POST -H "Authorization: Bearer $KIOSK" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: training-$i-$$" \
      -d "{\"targetGroup\": \"PARENTS\", \"topic\": \"INDIVIDUAL_SITUATION\", \"language\": \"de\", \"text\": \"Bitte mehr Termine am Nachmittag $i, Telefon 0176 12345678.\"}" \
      "$API/wishes" | sed -n 's/.*"receiptCode":"\([^"]*\)".*/\1/p') || echo "aot-train: POST wishes failed" >&2
  [ -n "${receipt:-}" ] && curl -fs -o /dev/null "$API/receipts/$receipt"
  get "wishes?size=50"
  get "wishes?topic=PRAISE&status=NEW&size=50"
  get "wishes?q=beratung%20freundlich&size=50"
  get "wishes?page=$((i % 20))&size=50"
  get "stats?groupBy=topic"
  get "stats?groupBy=targetGroup&groupBy=topic&groupBy=language"
  get "target-groups"
  get "topics"
  get "languages"
  curl -fs -o /dev/null "http://127.0.0.1:$OPS/q/health/ready"
  [ $((i % 20)) -eq 0 ] && curl -fs -o /dev/null "http://127.0.0.1:$OPS/q/metrics"
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/openapi" || true

# A graceful stop; the JVM writes the cache on its way out (a second JVM assembles it, which takes a while).
kill -TERM "$PID"
wait "$PID" || true
[ -s "$CACHE_PATH" ] || { echo "aot-train: no cache written; see $LOG" >&2; exit 1; }
echo "aot-train: $(du -h "$CACHE_PATH" | cut -f1) cache at $CACHE_PATH after $ROUNDS rounds" >&2
