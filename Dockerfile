# Mitreden: container image for the JVM build of the service.
#
# Build (from the repository root; nothing needs to be built beforehand):
#   docker build -t mitreden:1.0.0-SNAPSHOT .
#
# Run against a PostgreSQL and an identity provider you already have:
#   docker run --rm -p 8080:8080 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.internal:5432/mitreden \
#     -e QUARKUS_DATASOURCE_USERNAME=mitreden \
#     -e QUARKUS_DATASOURCE_PASSWORD=... \
#     -e MP_JWT_VERIFY_ISSUER=https://idp.example.org/realms/jobcenter \
#     -e MP_JWT_VERIFY_PUBLICKEY_LOCATION=https://idp.example.org/realms/jobcenter/protocol/openid-connect/certs \
#     -e MP_JWT_VERIFY_AUDIENCES=mitreden \
#     -e MITREDEN_IDEMPOTENCY_SECRET=... \
#     mitreden:1.0.0-SNAPSHOT
#   curl -fsS http://localhost:8080/q/health/ready
# Health and metrics share the API port: in front of users, publish only the API's paths through a proxy
# (as k8s/ingress.yaml does), not the port itself.
# MITREDEN_IDEMPOTENCY_SECRET: at least 32 random bytes (openssl rand -base64 48), the same on every start;
# without it, retries are replayed only until the container restarts.
#
# Extra JVM flags without rebuilding: -e JAVA_OPTS_APPEND="-Xlog:gc". JAVA_OPTS replaces the defaults.
# Without the AOT cache (to compare, or if it ever misbehaves): -e JAVA_OPTS_APPEND="-XX:AOTMode=off".
# Kubernetes: see k8s/ (kubectl apply -k k8s/).
#
# Base images are pinned to exact tags. Before a release, bump both tags and pin them by digest
# (FROM image:tag@sha256:...); an automated updater (Renovate, Dependabot) can keep them current.

# ---------------------------------------------------------------------------------------------
# Build stage: JDK 17 (the project's compiler release). Maven itself comes from ./mvnw, which
# downloads the version pinned in .mvn/wrapper/maven-wrapper.properties.
# ---------------------------------------------------------------------------------------------
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /build

# Dependencies first: this layer is rebuilt only when pom.xml or the wrapper changes, not on every
# source edit. quarkus:go-offline also fetches what the Quarkus build step resolves at package time
# (dependency:go-offline alone misses those), so the package step below needs no further downloads.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline quarkus:go-offline

# Then the sources. Tests run in CI (.ci/run) against a real PostgreSQL, not here.
COPY src/ src/
RUN ./mvnw -B -ntp package -DskipTests

# ---------------------------------------------------------------------------------------------
# Runtime stage: a small JRE 25 (runs the Java 17 bytecode), no Maven, no compiler, no sources.
# JDK 25 for its ahead-of-time cache (JEP 483/514/515), made by a training run below: ready in less
# than half the time of a plain start (bench/startup.sh, bench/RESULTS.md).
# Alpine's busybox provides wget for the HEALTHCHECK below.
# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:25.0.3_9-jre-alpine AS runtime

# Unprivileged user 185 (the uid Quarkus images use; k8s/deployment.yaml runs as the same uid).
# The application files stay owned by root and read-only for this user: the process cannot
# modify its own code. It only needs to write to /tmp (an emptyDir in Kubernetes).
RUN addgroup -S -g 185 mitreden \
 && adduser -S -D -H -u 185 -G mitreden -h /deployments -s /sbin/nologin mitreden

WORKDIR /deployments

# The four layers of target/quarkus-app, from least to most frequently changing, so that a code
# change only replaces the small app/ and quarkus/ layers and pulls reuse the large lib/ layer.
COPY --from=build /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build /build/target/quarkus-app/*.jar /deployments/
COPY --from=build /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build /build/target/quarkus-app/quarkus/ /deployments/quarkus/

# Serial GC: one GC thread and the smallest footprint; it is what the JVM picks by itself in a pod with
# less than 2 CPUs or 1792 MiB, and saying so keeps a larger pod from switching to G1 and its overhead.
# Heap at most 50 % of the container's memory limit (the JVM reads the cgroup limit): 192 MiB of the
# 384Mi in k8s/deployment.yaml, far above the live set; the rest is metaspace, code cache, threads,
# direct buffers and the mapped AOT cache. JIT code cache reserved at 64 MiB, not 240: the load of
# bench/startup.sh fills 17-19 MiB of it, and the smaller reservation leaves about 15 MiB less resident.
# Exit on OutOfMemoryError so the orchestrator restarts a clean process instead of keeping a half-broken
# one. JBoss LogManager so Quarkus owns all logging (JSON logs in production, see application.properties).
ENV JAVA_OPTS="-XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_OPTS_APPEND=""

# The AOT cache: one training run of this very image (same JVM, same jars at the same paths, same
# flags), against a throwaway PostgreSQL that lives only inside this RUN: the service starts, migrates,
# serves the requests production sees (src/main/docker/aot-train.sh), stops, and the JVM writes
# /deployments/app.aot at exit. PostgreSQL, curl and openssl are removed in the same layer. The cache
# belongs to root and is only read at start. A cache that does not fit the JVM is ignored with a
# warning (the service then starts, only slower). -XX:MaxRAM stands in for the pod's memory limit
# (k8s/deployment.yaml), which a build has not: the heap, and with it the compressed-oops mode the
# cache depends on, is sized as in the pod however much memory the build machine has.
COPY src/main/docker/aot-train.sh /tmp/aot-train.sh
# hadolint ignore=DL3018
RUN apk add --no-cache --virtual .aot-training postgresql postgresql-contrib curl openssl \
 && install -d -o postgres /tmp/pg \
 && su postgres -s /bin/sh -c 'initdb -D /tmp/pg/data -A trust -U postgres >/dev/null \
      && pg_ctl -D /tmp/pg/data -o "-c listen_addresses=127.0.0.1 -k /tmp/pg" -l /tmp/pg/log -w start' \
 && TRAIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres TRAIN_LOG=/tmp/aot-train.log \
      sh /tmp/aot-train.sh /deployments app.aot $JAVA_OPTS -XX:MaxRAM=384m \
 && su postgres -s /bin/sh -c 'pg_ctl -D /tmp/pg/data -m fast -w stop' \
 && apk del .aot-training \
 && rm -rf /tmp/pg /tmp/aot-train.sh /tmp/aot-train.log /tmp/hsperfdata_root \
 && chmod 444 /deployments/app.aot

USER 185:185

# quarkus.http.port (default 8080): the API, health and metrics (/q/health/*, /q/metrics: publish only the
# API's paths through a proxy). Plain HTTP: TLS ends at the ingress.
EXPOSE 8080

# For plain `docker run` only: Kubernetes ignores HEALTHCHECK and uses the probes in k8s/deployment.yaml.
# Liveness, not readiness: a database outage must not get the container killed.
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
    CMD wget -q -T 2 -O /dev/null http://127.0.0.1:8080/q/health/live || exit 1

# exec replaces the shell, so the JVM is PID 1 and receives SIGTERM for a graceful shutdown
# (quarkus.shutdown.timeout). JAVA_OPTS is expanded by the shell on purpose. Started from
# /deployments with the relative jar path, exactly as in the training run, so the cache's class path
# matches.
ENTRYPOINT ["/bin/sh", "-c", "cd /deployments && exec java -XX:AOTCache=app.aot $JAVA_OPTS $JAVA_OPTS_APPEND -jar quarkus-run.jar"]
