#!/usr/bin/env bash
# Start-up time, memory and throughput: today's production jar against this checkout's, in ONE run, starts
# alternating, on the same database, so that a shared and noisy machine treats both alike and the ratios
# new/old decide (absolute times drift with the machine's load).
#
#   bash bench/startup.sh                              # old and new only
#   STARTUP_VARIANTS="old j25 j25aot aotjar mem new" bash bench/startup.sh    # every lever on its own
#
# Variants (each a jar, a java and JVM flags):
#   old     the baseline commit's fast-jar, plain `java -jar` on the default JDK (17): production as it was
#   j25     the same jar on JDK 25, nothing else                                   (lever: the JDK alone)
#   j25aot  the same jar on JDK 25 with an AOT cache from one training run          (lever: plain AOT cache)
#   aotjar  this checkout's aot-jar on JDK 25 with its trained AOT cache            (lever: Quarkus' aot-jar)
#   mem     the baseline jar on JDK 17 with the production memory flags             (lever: memory flags alone)
#   qbuild  this checkout built on JDK 25 with Quarkus' own AOT support (quarkus.package.jar.aot.enabled,
#           phase BUILD, type AOT): the cache of a start that stops after static init, no database, no
#           requests                                                                (lever: Quarkus' build-time AOT)
#   new     this checkout as the image runs it: aot-jar, JDK 25, trained cache, production memory flags
#   checks  new, with the start-up checks off: Hibernate's database version check and schema validation,
#           Flyway's validation of applied migrations (measured only: what the checks cost, not kept)
#   pools   new, with smaller pools: 8 database connections (not 20), 16 worker threads (not 200)
#   nolink  new, with a cache trained with -XX:-AOTClassLinking: classes are loaded from the cache when first
#           used instead of all linked before main                                  (lever: a lazier cache)
#   heap40  new with the heap at most 40 % of the memory limit (not 50 %), new's cache  (lever: heap size)
#   arena   new with MALLOC_ARENA_MAX=2: glibc's malloc keeps two arenas instead of one per thread that
#           allocates (lever: the C allocator; the image's Alpine has musl, which keeps no per-thread arenas)
#   trim    new with -XX:TrimNativeHeapInterval=2000: the JVM hands freed C heap back every 2 s
#   tight   new with the heap kept 10-20 % free after a collection (not 40-70 %): the Serial GC commits less
#           beyond the live set                                                     (lever: heap growth)
#   heap25  new with the heap at most 25 % of the memory limit (96 MiB in the pod), new's cache (lever: a heap
#           limit that binds under load, where heap40's never did)
#   young   new with the young generation fixed at 32 MiB (-Xmn32m; by default a third of the committed heap)
#   code32  new with the JIT code cache reserved at 32 MiB (-XX:ReservedCodeCacheSize)  (lever: compiled code)
#   code64  new with it at 64 MiB: what the image has since 2026-12-03, so the same as new from then on
#   code240 new with it at the JVM's default, 240 MiB: the image before that
#   noseg   new with the code cache in one piece (-XX:-SegmentedCodeCache; the JVM splits it in three only from
#           240 MiB reserved on, so code32 and code64 have it in one piece as well)   (lever: the code cache's layout)
#   lean    new with heap25's and code32's flags together
#   nmt     new with Native Memory Tracking; after each load round jcmd's summary goes to nmt-ROUND.txt
# After every load round the code cache's use goes to codecache-VARIANT-ROUND.txt (jcmd Compiler.codecache).
# Every cache comes from src/main/docker/aot-train.sh, the image's own training run, with the variant's flags.
#
# Per round every variant starts once (the order rotates each round): time from exec to the first 200 of
# /q/health/ready, then resident memory (RSS) after 3 s idle; then it is killed
# (SIGKILL: nothing is written at stop, and the 5 s shutdown delay would only stretch the run). Then, per load
# round, each variant serves LOAD_SECONDS of submissions (wrk, 8 connections) while hey reads the wish list
# and the statistics (2 clients each); RSS right after the load and the peak (VmHWM), and submissions/s.
#
# Settings (environment): STARTUP_ROUNDS (10), STARTUP_LOAD_ROUNDS (2), STARTUP_LOAD_SECONDS (20),
# STARTUP_WISHES (1000000, loaded once and kept), STARTUP_BASELINE (5b48256), STARTUP_DB (mitreden_startup; the
# baseline's variants use STARTUP_DB_old),
# STARTUP_VARIANTS ("old new"), JAVA17 (java), JAVA25 (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java),
# STARTUP_MEMORY_LIMIT (384m: the pod's memory limit in k8s/deployment.yaml; given to the JVM as
# -XX:MaxRAM so that the percentages in the production flags size the heap as in the pod),
# STARTUP_KEEP_CACHES=1 to reuse caches trained by an earlier run in STARTUP_WORK (same jars),
# STARTUP_WORK (target/bench-startup) for the jars, caches, logs and figures, STARTUP_REBUILD=1 to rebuild both jars. Ports 8481-8486 (API) and 9481-9486 (management); training 8489/9489.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${STARTUP_ROUNDS:-10}
LOAD_ROUNDS=${STARTUP_LOAD_ROUNDS:-2}
LOAD_SECONDS=${STARTUP_LOAD_SECONDS:-20}
WISHES=${STARTUP_WISHES:-1000000}
BASELINE=$(git rev-parse --short "${STARTUP_BASELINE:-5b48256}")
DB=${STARTUP_DB:-mitreden_startup}
# The baseline's schema is older than this checkout's (no jobcenters, counts keyed otherwise): the baseline's
# variants run on a database of their own, made by the baseline and loaded by the baseline's bench/load.sql
# with the same number of wishes, so that each jar starts on the schema it was built for.
OLD_DB=${DB}_old
read -r -a VARIANTS <<< "${STARTUP_VARIANTS:-old new}"
JAVA17=${JAVA17:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
MEMORY_LIMIT=${STARTUP_MEMORY_LIMIT:-384m}
WORK=${STARTUP_WORK:-$PWD/target/bench-startup}
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
mkdir -p "$WORK"

log() { printf '\n==> %s\n' "$*" >&2; }

# The production JVM flags: the Dockerfile's JAVA_OPTS, less what only the image has (the cache path).
PROD_FLAGS=$(sed -n 's/^ENV JAVA_OPTS="\([^"]*\)".*/\1/p' Dockerfile | tr ' ' '\n' | grep -v '^-XX:AOTCache=' | tr '\n' ' ')
[ -n "$PROD_FLAGS" ] || { echo "no JAVA_OPTS found in the Dockerfile" >&2; exit 1; }
PROD_FLAGS="-XX:MaxRAM=$MEMORY_LIMIT $PROD_FLAGS"

# --- tools and database -------------------------------------------------------------------------
# shellcheck source=../.ci/postgres.sh
. .ci/postgres.sh
ensure_postgres
if ! command -v hey >/dev/null || ! command -v wrk >/dev/null || ! command -v openssl >/dev/null; then
  log "Installing hey, wrk and openssl from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey wrk openssl >/dev/null
fi
for v in "${VARIANTS[@]}"; do
  case $v in j25|j25aot|aotjar|qbuild|new|checks|pools|nolink|heap40|heap25|young|code32|code64|code240|noseg|lean|arena|trim|tight|nmt) [ -x "$JAVA25" ] || { echo "variant $v needs JDK 25 at $JAVA25" >&2; exit 1; } ;; esac
done

# --- the two builds ---------------------------------------------------------------------------------
OLD_APP=$WORK/baseline-$BASELINE/target/quarkus-app
# shellcheck source=builds.sh
. bench/builds.sh
build_commit "$BASELINE" "${STARTUP_REBUILD:-}"   # production as it was
checkout_app "$WORK/new-app" "${STARTUP_REBUILD:-}"
if [[ " ${VARIANTS[*]} " == *" qbuild "* ]] \
    && { [ ! -f "$WORK/qbuild/target/quarkus-app/app.aot" ] || [ -n "${STARTUP_REBUILD:-}" ]; }; then
  log "Building this checkout on JDK 25 with Quarkus' build-time AOT cache"
  rm -rf "$WORK/qbuild" && mkdir -p "$WORK/qbuild"
  git archive HEAD | tar -x -C "$WORK/qbuild"
  (cd "$WORK/qbuild" && JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$JAVA25")")") ./mvnw -q -B package -DskipTests \
    -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.phase=BUILD -Dquarkus.package.jar.aot.type=AOT)
fi

# --- tokens and secrets for this run only ---------------------------------------------------------
# shellcheck source=tokens.sh
. bench/tokens.sh
new_key_pair
STAFF=$(token staff)
KIOSK=$(token kiosk)
IDEMPOTENCY_SECRET=$(openssl rand -base64 48)

# --- variants: APP (directory), JVM (java), FLAGS, ENVS (extra environment) ---------------------------
variant() {
  ENVS=()
  VDB=$DB
  case $1 in
    old)    APP=$OLD_APP;                JVM=$JAVA17; FLAGS="";                     VDB=$OLD_DB ;;
    mem)    APP=$OLD_APP;                JVM=$JAVA17; FLAGS=$PROD_FLAGS;            VDB=$OLD_DB ;;
    j25)    APP=$OLD_APP;                JVM=$JAVA25; FLAGS="";                     VDB=$OLD_DB ;;
    j25aot) APP=$WORK/app-j25aot;        JVM=$JAVA25; FLAGS="-XX:AOTCache=app.aot"; VDB=$OLD_DB ;;
    plain)  APP=$WORK/new-app;           JVM=$JAVA17; FLAGS="" ;;  # this checkout as built: makes the schema
    aotjar) APP=$WORK/app-aotjar;        JVM=$JAVA25; FLAGS="-XX:AOTCache=app.aot" ;;
    qbuild) APP=$WORK/qbuild/target/quarkus-app; JVM=$JAVA25; FLAGS="-XX:AOTCache=app.aot" ;;
    new)    APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:AOTCache=app.aot" ;;
    checks) APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:AOTCache=app.aot"
            ENVS=(QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false
                  QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none) ;;
    pools)  APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:AOTCache=app.aot"
            ENVS=(QUARKUS_DATASOURCE_JDBC_MAX_SIZE=8 QUARKUS_THREAD_POOL_MAX_THREADS=16) ;;
    nolink) APP=$WORK/app-nolink;        JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:AOTCache=app.aot" ;;
    heap40) APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:MaxRAMPercentage=40 -XX:AOTCache=app.aot" ;;
    arena)  APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:AOTCache=app.aot"; ENVS=(MALLOC_ARENA_MAX=2) ;;
    trim)   APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:TrimNativeHeapInterval=2000 -XX:AOTCache=app.aot" ;;
    tight)  APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:AOTCache=app.aot" ;;
    heap25) APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:MaxRAMPercentage=25 -XX:AOTCache=app.aot" ;;
    young)  APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -Xmn32m -XX:AOTCache=app.aot" ;;
    code32) APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:ReservedCodeCacheSize=32m -XX:AOTCache=app.aot" ;;
    code64) APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:ReservedCodeCacheSize=64m -XX:AOTCache=app.aot" ;;
    code240) APP=$WORK/app-new;          JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:ReservedCodeCacheSize=240m -XX:AOTCache=app.aot" ;;
    noseg)  APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:ReservedCodeCacheSize=240m -XX:-SegmentedCodeCache -XX:AOTCache=app.aot" ;;
    lean)   APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:MaxRAMPercentage=25 -XX:ReservedCodeCacheSize=32m -XX:AOTCache=app.aot" ;;
    nmt)    APP=$WORK/app-new;           JVM=$JAVA25; FLAGS="$PROD_FLAGS -XX:NativeMemoryTracking=summary -XX:AOTCache=app.aot" ;;
    *) echo "unknown variant $1" >&2; exit 1 ;;
  esac
}

# --- the service ----------------------------------------------------------------------------------
PID=
# start_service VARIANT SLOT: sets STARTUP_MS; the API on 8480+SLOT, management on 9480+SLOT
start_service() {
  variant "$1"
  PORT=$((8480 + $2)); MANAGEMENT_PORT=$((9480 + $2))
  local started
  started=$(date +%s%N)
  # shellcheck disable=SC2086  # FLAGS are words on purpose
  (cd "$APP" && QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$VDB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" MP_JWT_VERIFY_ISSUER=https://bench.mitreden \
    MITREDEN_RATE_LIMIT_ENABLED=false MITREDEN_IDEMPOTENCY_SECRET="$IDEMPOTENCY_SECRET" \
    exec env "${ENVS[@]}" "$JVM" $FLAGS -jar quarkus-run.jar) > "$WORK/service-$1.log" 2>&1 &
  PID=$!
  # Health is on the API port; older jars (the baseline too, perhaps) have it on their management port.
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" \
      || curl -fs -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { tail -n 30 "$WORK/service-$1.log" >&2; exit 1; }
    sleep 0.02
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_service() {
  if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  PID=
}
trap stop_service EXIT
rss_mb() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }
hwm_mb() { echo $(( $(awk '/VmHWM/ {print $2}' "/proc/$PID/status") / 1024 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# --- database ---------------------------------------------------------------------------------------
prepare_db() {  # prepare_db DATABASE VARIANT LOAD_SQL: the variant's first start makes the schema
  "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $1"
  log "Schema of $1 (a first start of $2, with Flyway)"
  start_service "$2" 1
  stop_service
  local loaded
  loaded=$("${PSQL[@]}" -d "$1" -tAc 'SELECT count(*) FROM wish')
  if [ "$loaded" -lt "$WISHES" ]; then
    log "Loading $WISHES wishes into $1 ($3)"
    "${PSQL[@]}" -d "$1" -v n="$WISHES" -f "$3" > "$WORK/load-$1.txt"
  fi
}
prepare_db "$DB" plain bench/load.sql
prepare_db "$OLD_DB" old "$WORK/baseline-$BASELINE/bench/load.sql"

# --- training: every cache the way the image makes its own --------------------------------------------
train() {  # train DIR SOURCE_APP flags...
  local dir=$1 source=$2
  shift 2
  if [ -n "${STARTUP_KEEP_CACHES:-}" ] && [ -s "$dir/app.aot" ]; then log "Keeping the cache in $dir"; return; fi
  rm -rf "$dir" && cp -r "$source" "$dir"
  log "Training run for $(basename "$dir")"
  JAVA=$JAVA25 TRAIN_DB_URL="jdbc:postgresql://127.0.0.1:5432/${TRAIN_DB:-$DB}" TRAIN_LOG="$dir.train.log" \
    sh src/main/docker/aot-train.sh "$dir" app.aot "$@"
}
for v in "${VARIANTS[@]}"; do
  # shellcheck disable=SC2086
  case $v in
    j25aot) TRAIN_DB=$OLD_DB train "$WORK/app-j25aot" "$OLD_APP" ;;
    aotjar) train "$WORK/app-aotjar" "$WORK/new-app" ;;
    nolink) train "$WORK/app-nolink" "$WORK/new-app" $PROD_FLAGS -XX:-AOTClassLinking ;;
    new|checks|pools|heap40|heap25|young|code32|code64|code240|noseg|lean|arena|trim|tight|nmt) [ -f "$WORK/app-new/app.aot" ] && [ -n "${trained_new:-}" ] \
              || { train "$WORK/app-new" "$WORK/new-app" $PROD_FLAGS; trained_new=1; } ;;
  esac
done

# --- start-up, alternating ------------------------------------------------------------------------
: > "$WORK/starts.txt"
for round in $(seq 1 "$ROUNDS"); do
  n=${#VARIANTS[@]}
  for k in $(seq 0 $((n - 1))); do
    v=${VARIANTS[$(( (k + round) % n ))]}
    start_service "$v" 1
    sleep 3
    idle=$(rss_mb)
    started_in=$(grep -o 'started in [0-9.]*s' "$WORK/service-$v.log" | grep -o '[0-9.]*' || echo 0)
    printf '%s %s %s %s %s\n' "$round" "$v" "$STARTUP_MS" "$idle" "$started_in" | tee -a "$WORK/starts.txt" >&2
    stop_service
  done
done

# --- memory and throughput after load, alternating --------------------------------------------------
# shellcheck source=submission-load.sh
. bench/submission-load.sh
submission_load default "$KIOSK"
: > "$WORK/loads.txt"
for round in $(seq 1 "$LOAD_ROUNDS"); do
  n=${#VARIANTS[@]}
  for k in $(seq 0 $((n - 1))); do
    v=${VARIANTS[$(( (k + round) % n ))]}
    start_service "$v" 2
    base=http://127.0.0.1:$PORT
    # Warm-up, as a running pod would have had.
    wrk -t1 -c4 -d5s -s "$WORK/post.lua" "$base/api/v1/wishes" > /dev/null
    hey -n 100 -c 2 -H "Authorization: Bearer $STAFF" "$base/api/v1/wishes" > /dev/null
    hey -n 20 -c 2 -H "Authorization: Bearer $STAFF" "$base/api/v1/stats?groupBy=topic" > /dev/null
    hey -z "${LOAD_SECONDS}s" -c 2 -H "Authorization: Bearer $STAFF" "$base/api/v1/wishes" > "$WORK/hey-list-$v.txt" &
    list_pid=$!
    hey -z "${LOAD_SECONDS}s" -c 2 -H "Authorization: Bearer $STAFF" "$base/api/v1/stats?groupBy=topic" > "$WORK/hey-stats-$v.txt" &
    stats_pid=$!
    wrk -t2 -c8 -d "${LOAD_SECONDS}s" -s "$WORK/post.lua" "$base/api/v1/wishes" > "$WORK/wrk-$v.txt"
    wait "$list_pid" "$stats_pid"
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$v.txt")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk-$v.txt"); non2xx=${non2xx:-0}
    list_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/hey-list-$v.txt")
    stats_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/hey-stats-$v.txt")
    printf '%s %s %s %s %s %s %s %s\n' "$round" "$v" "$(rss_mb)" "$(hwm_mb)" "$rps" "$non2xx" "$list_rps" "$stats_rps" \
      | tee -a "$WORK/loads.txt" >&2
    if [ "$v" = nmt ]; then "$(dirname "$JAVA25")/jcmd" "$PID" VM.native_memory summary > "$WORK/nmt-$round.txt"; fi
    # How much compiled code the load left (the code cache's used and reserved sizes), for the code cache levers.
    "$(dirname "$JAVA25")/jcmd" "$PID" Compiler.codecache > "$WORK/codecache-$v-$round.txt" 2>&1 || true
    stop_service
  done
done

# --- table ------------------------------------------------------------------------------------------
col() { awk -v v="$1" -v c="$2" '$2 == v {print $c}' "$3" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
{
  echo "Run with \`STARTUP_VARIANTS=\"${VARIANTS[*]}\" bash bench/startup.sh\` on $(date -u '+%F %H:%M') UTC;"
  echo "baseline $BASELINE, this checkout $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml Dockerfile || echo ' (uncommitted changes)');"
  echo "$ROUNDS start rounds and $LOAD_ROUNDS load rounds of ${LOAD_SECONDS} s, variants alternating; $(nproc) cores, shared."
  echo "Production flags (Dockerfile JAVA_OPTS, with -XX:MaxRAM=$MEMORY_LIMIT for the pod's limit): \`$PROD_FLAGS\`"
  echo
  echo "| variant | ready (median ms) | ratio to old | Quarkus \"started in\" (s) | RSS idle (MiB) | RSS after load (MiB) | peak RSS (MiB) | submissions/s (wrk) | ratio to old | list reads/s | stats reads/s | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  old_ready=$(col old 3 "$WORK/starts.txt")
  old_rps=$(col old 5 "$WORK/loads.txt")
  for v in "${VARIANTS[@]}"; do
    ready=$(col "$v" 3 "$WORK/starts.txt")
    rps=$(col "$v" 5 "$WORK/loads.txt")
    echo "| $v | $ready | $(ratio "$ready" "$old_ready") | $(col "$v" 5 "$WORK/starts.txt") | $(col "$v" 4 "$WORK/starts.txt") | $(col "$v" 3 "$WORK/loads.txt") | $(col "$v" 4 "$WORK/loads.txt") | $rps | $(ratio "$rps" "$old_rps") | $(col "$v" 7 "$WORK/loads.txt") | $(col "$v" 8 "$WORK/loads.txt") | $(awk -v v="$v" '$2 == v {s += $6} END {print s + 0}' "$WORK/loads.txt") |"
  done
} > "$WORK/table.md"
log "Done: $WORK/table.md (raw figures: starts.txt, loads.txt)"
cat "$WORK/table.md"
