# The jars the benchmarks run, for every script in bench/ that builds one: sourced (build_commit after WORK is
# set). A baseline commit is built once from git into $WORK/baseline-COMMIT and kept.
#
#   build_checkout [REBUILD]        packages this checkout unless its jar was built from exactly this checkout
#                                   (src and pom.xml as committed, and their uncommitted changes) or REBUILD is non-empty;
#                                   from fresh classes, since Maven keeps a resource deleted from src in
#                                   target/classes (a migration dropped from the checkout was still in its jar)
#   checkout_app DEST [REBUILD]     build_checkout, then its quarkus-app copied to DEST: the benchmark runs the
#                                   copy, which a build in this checkout during the run cannot change
#   build_commit COMMIT [REBUILD]   packages COMMIT into $WORK/baseline-COMMIT, likewise; its quarkus-app is
#                                   then $WORK/baseline-COMMIT/target/quarkus-app

build_checkout() {
  local checkout
  checkout="$(git rev-parse HEAD:src HEAD:pom.xml | tr '\n' ' ')$(git diff HEAD -- src pom.xml | sha1sum | cut -c1-40)"
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "$(cat target/quarkus-app/built-from 2>/dev/null)" != "$checkout" ] \
      || [ -n "${1:-}" ]; then
    printf '\n==> %s\n' "Building this checkout" >&2
    rm -rf target/classes
    ./mvnw -q -B package -DskipTests
    echo "$checkout" > target/quarkus-app/built-from
  fi
}

checkout_app() {
  build_checkout "${2:-}"
  rm -rf "$1" && cp -r target/quarkus-app "$1"
}

build_commit() {
  local dir=$WORK/baseline-$1
  if [ ! -f "$dir/target/quarkus-app/quarkus-run.jar" ] || [ -n "${2:-}" ]; then
    printf '\n==> %s\n' "Building $1" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    git archive "$1" | tar -x -C "$dir"
    (cd "$dir" && ./mvnw -q -B package -DskipTests)
  fi
}
