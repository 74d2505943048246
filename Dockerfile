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
#   curl -fsS http://localhost:9000/q/health/ready
# MITREDEN_IDEMPOTENCY_SECRET: at least 32 random bytes (openssl rand -base64 48), the same on every start;
# without it, retries are replayed only until the container restarts.
#
# Extra JVM flags without rebuilding: -e JAVA_OPTS_APPEND="-Xlog:gc". JAVA_OPTS replaces the defaults.
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
# Runtime stage: a small JRE 21 (runs the Java 17 bytecode), no Maven, no compiler, no sources.
# Alpine's busybox provides wget for the HEALTHCHECK below.
# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:21.0.8_9-jre-alpine AS runtime

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

# Heap at 75 % of the container's memory limit (the JVM reads the cgroup limit); leave the rest for
# metaspace, threads and direct buffers. Exit on OutOfMemoryError so the orchestrator restarts a
# clean process instead of keeping a half-broken one. JBoss LogManager so Quarkus owns all logging
# (JSON logs in production, see application.properties).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_OPTS_APPEND=""

USER 185:185

# quarkus.http.port (default 8080): the API. Plain HTTP: TLS ends at the ingress.
# quarkus.management.port (default 9000): health and metrics, never to be published outside.
EXPOSE 8080 9000

# For plain `docker run` only: Kubernetes ignores HEALTHCHECK and uses the probes in k8s/deployment.yaml.
# Liveness, not readiness: a database outage must not get the container killed.
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
    CMD wget -q -T 2 -O /dev/null http://127.0.0.1:9000/q/health/live || exit 1

# exec replaces the shell, so the JVM is PID 1 and receives SIGTERM for a graceful shutdown
# (quarkus.shutdown.timeout). JAVA_OPTS is expanded by the shell on purpose.
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
