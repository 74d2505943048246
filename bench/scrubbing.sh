#!/usr/bin/env bash
# Time per scrub of a wish's text (TextScrubber, what every submission runs before its INSERT): this checkout
# against an earlier commit, alternating, each turn a fresh JVM that warms up, then scrubs four kinds of wishes
# (bench/ScrubTiming.java). No database, no service: the scrubber's own cost, 13 % of a warm submission's samples
# in the seventh 400-jobcenter run's profile (bench/RESULTS.md).
#
#   bash bench/scrubbing.sh
#
# Settings (environment): BENCH_BASELINE (97bea84, before the scrubber's patterns tested their first character
# first), BENCH_ROUNDS (3), BENCH_SECONDS (5 per text and phase), BENCH_JAVA (java). Results go to the terminal and
# to target/bench-scrubbing/RESULTS.generated.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BASELINE=$(git rev-parse --short "${BENCH_BASELINE:-97bea84}")
ROUNDS=${BENCH_ROUNDS:-3}
SECONDS_PER_PHASE=${BENCH_SECONDS:-5}
JAVA=${BENCH_JAVA:-java}
WORK=target/bench-scrubbing
mkdir -p "$WORK"

# shellcheck source=builds.sh
. bench/builds.sh
build_commit "$BASELINE"
checkout_app "$WORK/new"

scrub_times() {  # scrub_times QUARKUS_APP: one line per wish, "name microseconds"
  "$JAVA" -cp "$1/app/*:$1/lib/main/*" bench/ScrubTiming.java "$SECONDS_PER_PHASE" 2>/dev/null
}

: > "$WORK/times.txt"
for ((turn = 1; turn <= ROUNDS; turn++)); do
  scrub_times "$WORK/baseline-$BASELINE/target/quarkus-app" | sed "s/^/$turn old /" | tee -a "$WORK/times.txt"
  scrub_times "$WORK/new" | sed "s/^/$turn new /" | tee -a "$WORK/times.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }
{
  echo "Run with \`bash bench/scrubbing.sh\` on $(date -u +%F): $BASELINE against $(git rev-parse --short HEAD), $ROUNDS turns,"
  echo "$("$JAVA" -version 2>&1 | head -1); microseconds per scrub, median of the turns."
  echo
  echo "| wish | $BASELINE | $(git rev-parse --short HEAD) | ratio |"
  echo "|---|---|---|---|"
  for wish in $(awk '{print $3}' "$WORK/times.txt" | awk '!seen[$0]++'); do
    old=$(awk -v w="$wish" '$2 == "old" && $3 == w {print $4}' "$WORK/times.txt" | median)
    new=$(awk -v w="$wish" '$2 == "new" && $3 == w {print $4}' "$WORK/times.txt" | median)
    echo "| $wish | $old µs | $new µs | $(awk -v a="$new" -v b="$old" 'BEGIN {printf "%.2f", a / b}') |"
  done
} > "$WORK/RESULTS.generated.md"
cat "$WORK/RESULTS.generated.md"
