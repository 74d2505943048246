package org.mitreden.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mitreden.core.MitredenConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps the Dockerfile and the Kubernetes manifests in k8s/ consistent with each other and with the
 * service's configuration. Plain JUnit: no Quarkus, no cluster, no Docker; it only reads files.
 *
 * <p>Why it matters: a misspelt environment variable (MITREDEN_RETENTION_MONTH) is ignored silently by
 * the configuration, a probe on the wrong path restarts pods forever, and a selector that does not match
 * leaves the service without endpoints. None of these shows up before a deployment, except here.
 */
class ManifestTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path K8S = ROOT.resolve("k8s");
    private static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
    private static final Path APPLICATION_PROPERTIES = ROOT.resolve("src/main/resources/application.properties");

    /**
     * QUARKUS_*, MP_* and SMALLRYE_* variables the manifests may set although application.properties does
     * not name the property (production values that must come from the environment). Each is a real
     * Quarkus/MicroProfile property; the reason it is set in production is given next to it.
     */
    private static final Map<String, String> ALLOWED_FRAMEWORK_VARIABLES = Map.of(
            // quarkus.datasource.jdbc.url: %prod points at localhost; the cluster's database service replaces it.
            "QUARKUS_DATASOURCE_JDBC_URL", "database address in the cluster",
            // quarkus.datasource.username/password: never in application.properties for production.
            "QUARKUS_DATASOURCE_USERNAME", "database user, from the CloudNativePG app secret",
            "QUARKUS_DATASOURCE_PASSWORD", "database password, from the CloudNativePG app secret",
            // quarkus.http.proxy.*: the service runs behind an ingress controller; the client address for
            // rate limiting and the https scheme for Location headers come from its X-Forwarded-* headers.
            "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "behind the ingress controller",
            "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "trust X-Forwarded-* set by the ingress controller",
            "QUARKUS_HTTP_PROXY_ALLOW_FORWARDED", "never trust the client-controlled Forwarded header",
            "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "only the ingress controller may set X-Forwarded-For",
            // mp.jwt.verify.issuer/publickey.location: the jobcenter's identity provider (API.md, Roles),
            // deliberately left out of application.properties.
            "MP_JWT_VERIFY_ISSUER", "issuer of the identity provider",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "JWKS URL of the identity provider",
            // mp.jwt.verify.audiences: the client id the identity provider puts into "aud" for this service.
            "MP_JWT_VERIFY_AUDIENCES", "audience of the identity provider's tokens");

    /** Variables that are no configuration properties but are read by the Dockerfile's ENTRYPOINT. */
    private static final Set<String> ALLOWED_RUNTIME_VARIABLES = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND");

    /** Connections PostgreSQL must keep for the operator, replication, backups and an admin (besides superuser_reserved). */
    private static final int DATABASE_CONNECTION_HEADROOM = 10;

    /** The submission endpoint's own body limit (API.md): a proxy limit below it would hide the 413 problem+json. */
    private static final long SUBMISSION_BODY_LIMIT = 16 * 1024;

    private static Map<Path, List<Map<String, Object>>> manifests;
    private static Properties properties;
    private static List<Instruction> dockerfile;

    @BeforeAll
    static void readFiles() throws IOException {
        manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(ManifestTest::isYaml).sorted().toList()) {
                manifests.put(file, loadYaml(file));
            }
        }
        properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        dockerfile = parseDockerfile(Files.readString(DOCKERFILE, StandardCharsets.UTF_8));
    }

    // =============================================================================================
    // Kustomize
    // =============================================================================================

    @Nested
    class Kustomization {

        @Test
        void listsEveryManifestFileAndNothingElse() throws IOException {
            Set<String> listed = new TreeSet<>(strings(kustomization().get("resources")));
            Set<String> present;
            try (Stream<Path> files = Files.list(K8S)) {
                present = files.filter(ManifestTest::isYaml)
                        .map(file -> file.getFileName().toString())
                        .filter(name -> !name.startsWith("kustomization."))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            assertThat(listed).as("resources in k8s/kustomization.yaml vs. files in k8s/").isEqualTo(present);
        }

        @Test
        void everyManifestHasKindAndName() {
            manifests.forEach((file, docs) -> {
                if (file.getFileName().toString().startsWith("kustomization.")) {
                    return;
                }
                assertThat(docs).as(file + " holds at least one object").isNotEmpty();
                for (Map<String, Object> doc : docs) {
                    assertThat(doc).as(file + ": apiVersion and kind").containsKeys("apiVersion", "kind");
                    assertThat(str(at(doc, "metadata", "name"))).as(file + ": metadata.name").isNotBlank();
                }
            });
        }

        @Test
        void pinsTheImageTag() {
            List<Map<String, Object>> images = maps(kustomization().get("images"));
            assertThat(images).extracting(image -> image.get("name")).contains(container().get("image"));
            for (Map<String, Object> image : images) {
                String tag = str(image.get("newTag"));
                String digest = str(image.get("digest"));
                assertThat(tag != null || digest != null).as("image %s has a tag or digest", image.get("name")).isTrue();
                if (tag != null) {
                    assertThat(tag).isNotEqualToIgnoringCase("latest");
                }
            }
        }
    }

    // =============================================================================================
    // Deployment
    // =============================================================================================

    @Nested
    class Deployment {

        @Test
        void runsAtLeastTwoReplicas() {
            assertThat(integer(at(deployment(), "spec", "replicas"))).isGreaterThanOrEqualTo(2);
            assertThat(integer(at(the("HorizontalPodAutoscaler"), "spec", "minReplicas"))).isGreaterThanOrEqualTo(2);
        }

        @Test
        void declaresTheQuarkusHttpPortAsHttp() {
            assertThat(namedPort("http")).as("container port named http").isEqualTo(quarkusHttpPort());
        }

        @Test
        void probesUseTheQuarkusHealthEndpointsOnTheApiPort() {
            Map<String, Object> container = container();
            assertProbe(container, "readinessProbe", healthPath("readiness-path", "ready"));
            assertProbe(container, "livenessProbe", healthPath("liveness-path", "live"));
            assertThat(container).containsKey("startupProbe");
            String startupPath = str(at(container, "startupProbe", "httpGet", "path"));
            assertThat(startupPath).isIn(healthPath("startup-path", "started"), healthPath("liveness-path", "live"));
            assertThat(resolvePort(at(container, "startupProbe", "httpGet", "port"))).isEqualTo(operationsPort());
        }

        private void assertProbe(Map<String, Object> container, String probe, String expectedPath) {
            assertThat(str(at(container, probe, "httpGet", "path"))).as(probe + " path").isEqualTo(expectedPath);
            assertThat(resolvePort(at(container, probe, "httpGet", "port"))).as(probe + " port").isEqualTo(operationsPort());
        }

        @Test
        void runsLockedDown() {
            Map<String, Object> pod = podSpec();
            Map<String, Object> container = container();
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            Map<String, Object> security = map(container.get("securityContext"));

            assertThat(Boolean.TRUE.equals(podSecurity.get("runAsNonRoot")) || Boolean.TRUE.equals(security.get("runAsNonRoot")))
                    .as("runAsNonRoot").isTrue();
            Object uid = security.containsKey("runAsUser") ? security.get("runAsUser") : podSecurity.get("runAsUser");
            assertThat(integer(uid)).as("runAsUser").isNotZero();
            assertThat(security.get("allowPrivilegeEscalation")).as("allowPrivilegeEscalation").isEqualTo(false);
            assertThat(security.get("readOnlyRootFilesystem")).as("readOnlyRootFilesystem").isEqualTo(true);
            assertThat(strings(at(security, "capabilities", "drop"))).as("capabilities.drop").contains("ALL");
            Object seccomp = at(security, "seccompProfile", "type");
            assertThat(seccomp != null ? seccomp : at(podSecurity, "seccompProfile", "type")).isEqualTo("RuntimeDefault");
        }

        @Test
        void mountsAWritableTmpFromAnEmptyDir() {
            Map<String, Object> tmpMount = maps(container().get("volumeMounts")).stream()
                    .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                    .findFirst().orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
            Map<String, Object> volume = maps(podSpec().get("volumes")).stream()
                    .filter(v -> v.get("name").equals(tmpMount.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no volume " + tmpMount.get("name")));
            assertThat(volume).containsKey("emptyDir");
        }

        @Test
        void runsAsTheUserTheImageDeclares() {
            String user = finalStage().stream().filter(i -> i.is("USER")).reduce((a, b) -> b)
                    .map(i -> i.args().split(":")[0]).orElse("root");
            Object uid = at(container(), "securityContext", "runAsUser");
            Object podUid = uid != null ? uid : at(podSpec(), "securityContext", "runAsUser");
            assertThat(String.valueOf(podUid)).as("runAsUser vs. Dockerfile USER").isEqualTo(user);
        }

        @Test
        void givesQuarkusTimeToShutDownGracefully() {
            long shutdown = quarkusDuration(property("quarkus.shutdown.timeout").orElse("0S")).toSeconds();
            long preStop = preStopSeconds(container());
            int grace = integer(podSpec().getOrDefault("terminationGracePeriodSeconds", 30));
            assertThat(grace).as("terminationGracePeriodSeconds > preStop %ss + quarkus.shutdown.timeout %ss", preStop, shutdown)
                    .isGreaterThan((int) (preStop + shutdown));
        }

        @Test
        void hasResourceRequestsAndLimits() {
            Map<String, Object> resources = map(container().get("resources"));
            assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).containsKey("memory");
        }

        @Test
        void memoryLimitLeavesRoomBesideTheHeap() {
            long limit = kubernetesBytes(str(at(container(), "resources", "limits", "memory")));
            long request = kubernetesBytes(str(at(container(), "resources", "requests", "memory")));
            assertThat(request).as("memory request = limit: never the first pod evicted").isEqualTo(limit);
            String env = finalStage().stream().filter(i -> i.is("ENV")).map(Instruction::args).collect(Collectors.joining(" "));
            Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(env);
            assertThat(percentage.find()).as("Dockerfile JAVA_OPTS sizes the heap by MaxRAMPercentage").isTrue();
            long heap = limit * Integer.parseInt(percentage.group(1)) / 100;
            // Metaspace, code cache, thread stacks, direct buffers and the mapped AOT cache: about 130 MiB
            // after the benchmark load (bench/startup.sh); the rest is headroom before an OOM kill.
            assertThat(limit - heap).as("memory limit minus the largest heap").isGreaterThanOrEqualTo(160L * 1024 * 1024);
        }

        @Test
        void startupProbeAsksOftenButWaitsForLongMigrations() {
            Map<String, Object> probe = map(container().get("startupProbe"));
            int period = integer(probe.getOrDefault("periodSeconds", 10));
            int failures = integer(probe.getOrDefault("failureThreshold", 3));
            assertThat(period).as("startupProbe.periodSeconds: each period is time a new pod may sit ready but unused")
                    .isLessThanOrEqualTo(2);
            assertThat(period * failures).as("seconds before the kubelet gives up on a migrating start").isGreaterThanOrEqualTo(180);
        }

        @Test
        void spreadsPodsOverNodes() {
            List<Map<String, Object>> constraints = maps(podSpec().get("topologySpreadConstraints"));
            assertThat(constraints).extracting(c -> c.get("topologyKey")).contains("kubernetes.io/hostname");
            for (Map<String, Object> constraint : constraints) {
                assertThat(podLabels()).containsAllEntriesOf(stringMap(at(constraint, "labelSelector", "matchLabels")));
            }
        }
    }

    // =============================================================================================
    // Environment variables: every name must be a real setting
    // =============================================================================================

    @Nested
    class EnvironmentVariables {

        @Test
        void everyNameIsARealConfigurationKey() {
            Set<String> mitreden = mitredenVariables();
            Set<String> fromProperties = propertyVariables();
            List<String> unknown = new ArrayList<>();
            for (String name : environmentNames()) {
                boolean known;
                if (name.startsWith("MITREDEN_")) {
                    known = mitreden.contains(name) || fromProperties.contains(name);
                } else if (name.startsWith("QUARKUS_") || name.startsWith("MP_") || name.startsWith("SMALLRYE_")) {
                    known = ALLOWED_FRAMEWORK_VARIABLES.containsKey(name) || fromProperties.contains(name);
                } else {
                    known = ALLOWED_RUNTIME_VARIABLES.contains(name);
                }
                if (!known) {
                    unknown.add(name);
                }
            }
            assertThat(unknown)
                    .as("environment variables that no setting reads (typo? known MITREDEN_* names: %s)", mitreden)
                    .isEmpty();
        }

        @Test
        void mitredenNamesAreDerivedFromTheConfigMapping() {
            assertThat(envName("mitreden.rate-limit.submissions-per-minute"))
                    .isEqualTo("MITREDEN_RATE_LIMIT_SUBMISSIONS_PER_MINUTE");
            assertThat(mitredenVariables()).contains(
                    "MITREDEN_ANONYMITY_DATE_GRANULARITY",
                    "MITREDEN_ANONYMITY_MIN_GROUP_SIZE",
                    "MITREDEN_RETENTION_MONTHS",
                    "MITREDEN_SUBMISSION_ALLOW_ANONYMOUS");
        }

        @Test
        void runtimeVariablesAreReadByTheImage() {
            String entrypoint = finalStage().stream().filter(i -> i.is("ENTRYPOINT") || i.is("CMD"))
                    .map(Instruction::args).collect(Collectors.joining(" "));
            for (String name : ALLOWED_RUNTIME_VARIABLES) {
                assertThat(entrypoint).as("Dockerfile ENTRYPOINT reads $" + name).contains("$" + name);
            }
        }

        @Test
        void referencedConfigMapsAndSecretsExist() {
            Set<String> configMaps = names("ConfigMap");
            for (Map<String, Object> source : maps(container().get("envFrom"))) {
                if (source.containsKey("configMapRef")) {
                    assertThat(configMaps).contains(str(at(source, "configMapRef", "name")));
                }
                if (source.containsKey("secretRef")) {
                    assertThat(names("Secret")).contains(str(at(source, "secretRef", "name")));
                }
            }
            for (Map<String, Object> env : maps(container().get("env"))) {
                Object ref = at(env, "valueFrom", "secretKeyRef");
                if (ref != null) {
                    assertSecretKeyExists(str(at(ref, "name")), str(at(ref, "key")));
                }
                Object cmRef = at(env, "valueFrom", "configMapKeyRef");
                if (cmRef != null) {
                    assertThat(stringMap(at(objectNamed("ConfigMap", str(at(cmRef, "name"))), "data")))
                            .containsKey(str(at(cmRef, "key")));
                }
            }
            for (Map<String, Object> volume : maps(podSpec().get("volumes"))) {
                Object secret = volume.get("secret");
                if (secret != null) {
                    for (Map<String, Object> item : maps(at(secret, "items"))) {
                        assertSecretKeyExists(str(at(secret, "secretName")), str(item.get("key")));
                    }
                }
            }
        }

        private void assertSecretKeyExists(String secret, String key) {
            String cluster = databaseClusterName();
            // Secrets CloudNativePG generates for the cluster, with the keys it documents.
            if (secret.equals(cluster + "-app")) {
                assertThat(key).as("key of the CloudNativePG app secret").isIn("username", "password", "uri", "jdbc-uri",
                        "host", "port", "dbname", "pgpass");
                return;
            }
            if (secret.equals(cluster + "-ca")) {
                assertThat(key).as("key of the CloudNativePG CA secret (never ca.key)").isEqualTo("ca.crt");
                return;
            }
            Map<String, Object> object = objectNamed("Secret", secret);
            Set<String> keys = new LinkedHashSet<>(stringMap(object.get("stringData")).keySet());
            keys.addAll(stringMap(object.get("data")).keySet());
            assertThat(keys).as("keys of secret " + secret).contains(key);
        }
    }

    // =============================================================================================
    // Database
    // =============================================================================================

    @Nested
    class Database {

        @Test
        void isAThreeInstanceCloudNativePgClusterWithTheServicesDatabase() {
            Map<String, Object> cluster = the("Cluster");
            assertThat(str(cluster.get("apiVersion"))).isEqualTo("postgresql.cnpg.io/v1");
            assertThat(integer(at(cluster, "spec", "instances"))).isEqualTo(3);
            assertThat(at(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo("mitreden");
            assertThat(at(cluster, "spec", "bootstrap", "initdb", "owner")).isEqualTo("mitreden");
            assertThat(at(cluster, "spec", "storage", "size")).isNotNull();
            assertThat(at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath")).isNotNull();
            assertThat(at(cluster, "spec", "backup", "retentionPolicy")).as("backups do not keep deleted wishes forever").isNotNull();
        }

        @Test
        void isBackedUpOnASchedule() {
            Map<String, Object> backup = the("ScheduledBackup");
            assertThat(at(backup, "spec", "cluster", "name")).isEqualTo(databaseClusterName());
            assertThat(str(at(backup, "spec", "schedule"))).isNotBlank();
        }

        @Test
        void jdbcUrlPointsAtTheReadWriteServiceAndTheBootstrappedDatabase() {
            String url = environment().get("QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(url).as("QUARKUS_DATASOURCE_JDBC_URL").isNotNull();
            Matcher matcher = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*").matcher(url);
            assertThat(matcher.matches()).as("JDBC URL " + url).isTrue();
            String host = matcher.group(1);
            assertThat(host.equals(databaseClusterName() + "-rw") || host.startsWith(databaseClusterName() + "-rw."))
                    .as("host %s is the CloudNativePG read-write service %s-rw", host, databaseClusterName()).isTrue();
            assertThat(matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2))).isEqualTo(5432);
            assertThat(matcher.group(3)).isEqualTo(at(the("Cluster"), "spec", "bootstrap", "initdb", "database"));
        }

        @Test
        void connectionPoolsOfAllPodsFitIntoMaxConnections() {
            int poolSize = Integer.parseInt(environment().getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE",
                    property("quarkus.datasource.jdbc.max-size").orElse("20")));
            int maxReplicas = integer(at(the("HorizontalPodAutoscaler"), "spec", "maxReplicas"));
            int pods = maxReplicas + surge(maxReplicas);
            Map<String, String> parameters = stringMap(at(the("Cluster"), "spec", "postgresql", "parameters"));
            int maxConnections = Integer.parseInt(parameters.getOrDefault("max_connections", "100"));
            int reserved = Integer.parseInt(parameters.getOrDefault("superuser_reserved_connections", "3"));
            assertThat(pods * poolSize)
                    .as("%d pods x pool %d vs. max_connections %d - reserved %d - headroom %d",
                            pods, poolSize, maxConnections, reserved, DATABASE_CONNECTION_HEADROOM)
                    .isLessThanOrEqualTo(maxConnections - reserved - DATABASE_CONNECTION_HEADROOM);
        }

        private int surge(int replicas) {
            Object surge = at(deployment(), "spec", "strategy", "rollingUpdate", "maxSurge");
            if (surge == null) {
                return (int) Math.ceil(replicas * 0.25);
            }
            String value = String.valueOf(surge);
            if (value.endsWith("%")) {
                return (int) Math.ceil(replicas * Integer.parseInt(value.substring(0, value.length() - 1)) / 100.0);
            }
            return Integer.parseInt(value);
        }
    }

    // =============================================================================================
    // Service, ingress, network policy, disruption budget, autoscaler
    // =============================================================================================

    @Nested
    class Networking {

        @Test
        void selectorsMatchThePods() {
            assertThat(podLabels()).containsAllEntriesOf(stringMap(at(deployment(), "spec", "selector", "matchLabels")));
            assertThat(podLabels()).containsAllEntriesOf(stringMap(at(the("Service"), "spec", "selector")));
            assertThat(podLabels()).containsAllEntriesOf(stringMap(at(the("PodDisruptionBudget"), "spec", "selector", "matchLabels")));
            assertThat(podLabels()).containsAllEntriesOf(stringMap(at(the("NetworkPolicy"), "spec", "podSelector", "matchLabels")));
        }

        @Test
        void serviceTargetsTheHttpPort() {
            for (Map<String, Object> port : maps(at(the("Service"), "spec", "ports"))) {
                assertThat(resolvePort(port.get("targetPort"))).isEqualTo(quarkusHttpPort());
            }
        }

        @Test
        void autoscalerAndBudgetTargetTheDeployment() {
            Map<String, Object> hpa = the("HorizontalPodAutoscaler");
            assertThat(str(hpa.get("apiVersion"))).isEqualTo("autoscaling/v2");
            assertThat(at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
            assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment(), "metadata", "name"));
            assertThat(maps(at(hpa, "spec", "metrics"))).extracting(m -> at(m, "resource", "name")).contains("cpu");
            assertThat(integer(at(the("PodDisruptionBudget"), "spec", "minAvailable"))).isEqualTo(1);
        }

        @Test
        void ingressUsesTlsAndExposesNeitherHealthNorMetrics() {
            Map<String, Object> ingress = the("Ingress");
            assertThat(maps(at(ingress, "spec", "tls"))).isNotEmpty();
            Set<String> servicePorts = maps(at(the("Service"), "spec", "ports")).stream()
                    .flatMap(p -> Stream.of(String.valueOf(p.get("name")), String.valueOf(p.get("port"))))
                    .collect(Collectors.toSet());
            for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
                for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
                    String prefix = str(path.get("path"));
                    assertThat(at(path, "backend", "service", "name")).isEqualTo(at(the("Service"), "metadata", "name"));
                    Object port = at(path, "backend", "service", "port");
                    assertThat(servicePorts).contains(String.valueOf(at(port, "name") != null ? at(port, "name") : at(port, "number")));
                    for (String internal : List.of("/q/metrics", healthPath("liveness-path", "live"), healthPath("readiness-path", "ready"))) {
                        assertThat(internal.startsWith(prefix.endsWith("/") ? prefix : prefix + "/") || internal.equals(prefix))
                                .as("ingress path %s exposes %s", prefix, internal).isFalse();
                    }
                }
            }
        }

        @Test
        void ingressBodyLimitEqualsTheServicesLimit() {
            String annotation = str(at(the("Ingress"), "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-body-size"));
            assertThat(annotation).as("nginx proxy-body-size annotation").isNotNull();
            long proxyLimit = bytes(annotation);
            assertThat(proxyLimit).isGreaterThan(SUBMISSION_BODY_LIMIT);
            property("quarkus.http.limits.max-body-size")
                    .ifPresent(limit -> assertThat(proxyLimit).as("quarkus.http.limits.max-body-size").isEqualTo(bytes(limit)));
        }

        @Test
        void networkPolicyLetsInOnlyTheHttpPortAndOutOnlyDatabaseDnsAndIdentityProvider() {
            Map<String, Object> policy = the("NetworkPolicy");
            assertThat(strings(at(policy, "spec", "policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
            Set<Integer> inPorts = maps(at(policy, "spec", "ingress")).stream()
                    .flatMap(rule -> maps(rule.get("ports")).stream())
                    .map(port -> resolvePort(port.get("port")))
                    .collect(Collectors.toSet());
            assertThat(inPorts).containsExactly(quarkusHttpPort());

            Map<Integer, List<Map<String, Object>>> peersByPort = new LinkedHashMap<>();
            for (Map<String, Object> rule : maps(at(policy, "spec", "egress"))) {
                for (Map<String, Object> port : maps(rule.get("ports"))) {
                    peersByPort.computeIfAbsent(integer(port.get("port")), p -> new ArrayList<>()).addAll(maps(rule.get("to")));
                }
            }
            assertThat(peersByPort.keySet()).as("egress ports: database, DNS, identity provider")
                    .containsExactlyInAnyOrder(5432, 53, 443);
            assertThat(peersByPort.values()).as("every egress rule names its peers").allSatisfy(peers -> assertThat(peers).isNotEmpty());
            assertThat(peersByPort.get(5432)).as("PostgreSQL egress goes to the CloudNativePG pods only")
                    .allSatisfy(peer -> assertThat(at(peer, "podSelector", "matchLabels", "cnpg.io/cluster"))
                            .isEqualTo(databaseClusterName()));
        }
    }

    // =============================================================================================
    // Dockerfile
    // =============================================================================================

    @Nested
    class Dockerfile {

        @Test
        void exposesTheQuarkusHttpPortAlone() {
            List<String> exposed = finalStage().stream().filter(i -> i.is("EXPOSE"))
                    .flatMap(i -> Stream.of(i.args().split("\\s+"))).map(p -> p.split("/")[0]).toList();
            assertThat(exposed).containsExactly(String.valueOf(quarkusHttpPort()));
        }

        @Test
        void healthcheckCallsAnExistingHealthEndpointOnTheApiPort() {
            Instruction healthcheck = finalStage().stream().filter(i -> i.is("HEALTHCHECK")).findFirst()
                    .orElseThrow(() -> new AssertionError("no HEALTHCHECK"));
            Matcher url = Pattern.compile("https?://[^/:\\s]+:(\\d+)(/[^\\s\"'|;]*)").matcher(healthcheck.args());
            assertThat(url.find()).as("HEALTHCHECK calls http://host:port/path: " + healthcheck.args()).isTrue();
            assertThat(Integer.parseInt(url.group(1))).isEqualTo(operationsPort());
            assertThat(url.group(2)).isIn(healthPath("liveness-path", "live"), healthPath("readiness-path", "ready"),
                    healthPath("startup-path", "started"));
        }

        @Test
        void copiesTheFourQuarkusAppLayersSeparately() {
            List<String> copies = finalStage().stream().filter(i -> i.is("COPY")).map(Instruction::args).toList();
            for (String layer : List.of("quarkus-app/lib/", "quarkus-app/*.jar", "quarkus-app/app/", "quarkus-app/quarkus/")) {
                assertThat(copies).as("a COPY of target/" + layer).filteredOn(args -> args.contains(layer)).hasSize(1);
            }
        }

        @Test
        void runsAsANonRootUser() {
            String user = finalStage().stream().filter(i -> i.is("USER")).reduce((a, b) -> b)
                    .map(i -> i.args().split(":")[0].trim())
                    .orElseThrow(() -> new AssertionError("no USER in the runtime stage: it would run as root"));
            assertThat(user).isNotIn("root", "0");
        }

        @Test
        void setsContainerAwareJvmOptions() {
            String env = finalStage().stream().filter(i -> i.is("ENV")).map(Instruction::args).collect(Collectors.joining(" "));
            assertThat(env).contains("-XX:MaxRAMPercentage=", "-XX:ReservedCodeCacheSize=",
                    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        }

        @Test
        void startsWithTheAotCacheOfItsOwnTrainingRun() {
            assertThat(property("quarkus.package.jar.type")).as("aot-jar packaging, whose classes the AOT cache can hold")
                    .contains("aot-jar");
            String runtimeImage = finalStage().get(0).args();
            Matcher major = Pattern.compile(":(\\d+)\\.").matcher(runtimeImage);
            assertThat(major.find()).as("runtime image has a versioned tag: " + runtimeImage).isTrue();
            assertThat(Integer.parseInt(major.group(1))).as("JDK of the runtime image (-XX:AOTCache needs 25)").isGreaterThanOrEqualTo(25);
            assertThat(ROOT.resolve("src/main/docker/aot-train.sh")).exists();
            List<String> runs = finalStage().stream().filter(i -> i.is("RUN")).map(Instruction::args).toList();
            assertThat(runs).as("a RUN in the runtime stage trains the cache with the production flags")
                    .anyMatch(run -> run.contains("aot-train.sh /deployments app.aot $JAVA_OPTS"));
            String entrypoint = finalStage().stream().filter(i -> i.is("ENTRYPOINT")).map(Instruction::args)
                    .collect(Collectors.joining(" "));
            // The cache only fits the class path it was trained with: quarkus-run.jar, from /deployments.
            assertThat(entrypoint).contains("cd /deployments", "-XX:AOTCache=app.aot", "-jar quarkus-run.jar");
        }

        @Test
        void pinsEveryBaseImage() {
            Set<String> stages = new LinkedHashSet<>();
            List<String> images = new ArrayList<>();
            for (Instruction from : dockerfile.stream().filter(i -> i.is("FROM")).toList()) {
                List<String> words = Stream.of(from.args().split("\\s+")).filter(w -> !w.startsWith("--")).toList();
                String image = words.get(0);
                // "FROM build" reuses an earlier stage: no image to pin.
                if (!stages.contains(image.toLowerCase(Locale.ROOT))) {
                    images.add(image);
                }
                if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
                    stages.add(words.get(2).toLowerCase(Locale.ROOT));
                }
            }
            assertThat(images).as("base images").isNotEmpty();
            for (String image : images) {
                assertThat(image).as("base image without build arguments").doesNotContain("$");
                if (image.contains("@sha256:")) {
                    continue;
                }
                String nameAndTag = image.substring(image.lastIndexOf('/') + 1);
                assertThat(nameAndTag).as("%s has a tag", image).contains(":");
                String tag = nameAndTag.substring(nameAndTag.indexOf(':') + 1);
                assertThat(tag).as("%s is pinned", image).doesNotContainIgnoringCase("latest").containsPattern("\\d+\\.\\d+");
            }
        }
    }

    // =============================================================================================
    // Reading the files
    // =============================================================================================

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Map<String, Object>> loadYaml(Path file) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object doc : yaml.loadAll(reader)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        }
        return docs;
    }

    private static Map<String, Object> kustomization() {
        return manifests.entrySet().stream()
                .filter(e -> e.getKey().getFileName().toString().startsWith("kustomization."))
                .map(e -> e.getValue().get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("no k8s/kustomization.yaml"));
    }

    private static Stream<Map<String, Object>> objects(String kind) {
        return manifests.entrySet().stream()
                .filter(e -> !e.getKey().getFileName().toString().startsWith("kustomization."))
                .flatMap(e -> e.getValue().stream())
                .filter(doc -> kind.equals(doc.get("kind")));
    }

    /** The one object of this kind. */
    private static Map<String, Object> the(String kind) {
        List<Map<String, Object>> found = objects(kind).toList();
        assertThat(found).as("exactly one " + kind + " in k8s/").hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> objectNamed(String kind, String name) {
        return objects(kind).filter(doc -> name.equals(at(doc, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + name + " is referenced but not defined in k8s/"));
    }

    private static Set<String> names(String kind) {
        return objects(kind).map(doc -> str(at(doc, "metadata", "name"))).collect(Collectors.toSet());
    }

    private static Map<String, Object> deployment() {
        return the("Deployment");
    }

    private static Map<String, Object> podSpec() {
        return map(at(deployment(), "spec", "template", "spec"));
    }

    private static Map<String, String> podLabels() {
        return stringMap(at(deployment(), "spec", "template", "metadata", "labels"));
    }

    private static Map<String, Object> container() {
        List<Map<String, Object>> containers = maps(podSpec().get("containers"));
        assertThat(containers).as("containers of the Deployment").hasSize(1);
        return containers.get(0);
    }

    private static int namedPort(String name) {
        return maps(container().get("ports")).stream()
                .filter(port -> name.equals(port.get("name")))
                .map(port -> integer(port.get("containerPort")))
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    /** A port given by number or by the name of a container port. */
    private static int resolvePort(Object port) {
        return port instanceof Number number ? number.intValue() : namedPort(String.valueOf(port));
    }

    private static String databaseClusterName() {
        return str(at(the("Cluster"), "metadata", "name"));
    }

    private static long preStopSeconds(Map<String, Object> container) {
        Object sleep = at(container, "lifecycle", "preStop", "sleep", "seconds");
        if (sleep != null) {
            return integer(sleep);
        }
        List<String> command = strings(at(container, "lifecycle", "preStop", "exec", "command"));
        return command.size() == 2 && command.get(0).endsWith("sleep") ? Long.parseLong(command.get(1)) : 0;
    }

    /** Every environment variable name the service's container gets: explicit env plus envFrom sources from k8s/. */
    private static Set<String> environmentNames() {
        Set<String> names = new TreeSet<>(environment().keySet());
        maps(container().get("env")).forEach(env -> names.add(str(env.get("name"))));
        // All ConfigMaps in k8s/ are environment sources, referenced or not.
        objects("ConfigMap").forEach(cm -> names.addAll(stringMap(cm.get("data")).keySet()));
        return names;
    }

    /** Variables with literal values: env values plus the data of envFrom'd ConfigMaps and Secrets. */
    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> source : maps(container().get("envFrom"))) {
            String prefix = Optional.ofNullable(str(source.get("prefix"))).orElse("");
            if (source.containsKey("configMapRef")) {
                stringMap(objectNamed("ConfigMap", str(at(source, "configMapRef", "name"))).get("data"))
                        .forEach((k, v) -> env.put(prefix + k, v));
            }
            if (source.containsKey("secretRef")) {
                Map<String, Object> secret = objectNamed("Secret", str(at(source, "secretRef", "name")));
                stringMap(secret.get("stringData")).forEach((k, v) -> env.put(prefix + k, v));
                stringMap(secret.get("data")).keySet().forEach(k -> env.put(prefix + k, null));
            }
        }
        for (Map<String, Object> var : maps(container().get("env"))) {
            env.put(str(var.get("name")), str(var.get("value")));
        }
        // A secret referenced key by key: its keys are environment variable names as well.
        for (Map<String, Object> var : maps(container().get("env"))) {
            Object ref = at(var, "valueFrom", "secretKeyRef");
            if (ref != null && names("Secret").contains(str(at(ref, "name")))) {
                Map<String, Object> secret = objectNamed("Secret", str(at(ref, "name")));
                stringMap(secret.get("stringData")).keySet().forEach(k -> env.putIfAbsent(k, null));
                stringMap(secret.get("data")).keySet().forEach(k -> env.putIfAbsent(k, null));
            }
        }
        return env;
    }

    // ---------------------------------------------------------------------------------------------
    // Configuration: application.properties and MitredenConfig
    // ---------------------------------------------------------------------------------------------

    /** A property as the prod profile sees it. */
    private static Optional<String> property(String key) {
        return Optional.ofNullable(properties.getProperty("%prod." + key, properties.getProperty(key)));
    }

    private static int quarkusHttpPort() {
        return Integer.parseInt(property("quarkus.http.port").orElse("8080"));
    }

    /** Health and metrics are served on the API port, at the contract's paths: no management interface. */
    private static int operationsPort() {
        assertThat(property("quarkus.management.enabled")).as("no management interface of its own")
                .isNotEqualTo(Optional.of("true"));
        return quarkusHttpPort();
    }

    /** A SmallRye Health path as Quarkus resolves it (relative paths hang below their parent). */
    private static String healthPath(String key, String defaultPath) {
        String root = property("quarkus.http.root-path").orElse("/");
        String nonApplication = resolvePath(root, property("quarkus.http.non-application-root-path").orElse("q"));
        String health = resolvePath(nonApplication, property("quarkus.smallrye-health.root-path").orElse("health"));
        return resolvePath(health, property("quarkus.smallrye-health." + key).orElse(defaultPath));
    }

    private static String resolvePath(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }

    /** The environment variable SmallRye Config maps to a property name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * Environment variables for every property in application.properties (profile prefix dropped), plus
     * every variable the file reads through an expression such as ${SOME_VARIABLE:default}.
     */
    private static Set<String> propertyVariables() {
        Set<String> names = new TreeSet<>();
        Pattern expression = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}");
        for (String key : properties.stringPropertyNames()) {
            names.add(envName(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key));
            Matcher matcher = expression.matcher(properties.getProperty(key));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** MITREDEN_* variables for every leaf of the {@link MitredenConfig} mapping, found by reflection. */
    private static Set<String> mitredenVariables() {
        Set<String> paths = new TreeSet<>();
        collectPaths(MitredenConfig.class, MitredenConfig.class.getAnnotation(ConfigMapping.class).prefix(), paths);
        return paths.stream().map(ManifestTest::envName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void collectPaths(Class<?> type, String prefix, Set<String> paths) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String name = method.isAnnotationPresent(WithName.class) ? method.getAnnotation(WithName.class).value()
                    : kebab(method.getName());
            String path = method.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + name;
            Class<?> group = groupType(method);
            if (group != null) {
                collectPaths(group, path, paths);
            } else {
                paths.add(path);
            }
        }
    }

    /** The nested mapping interface a method returns (directly or in an Optional), or null for a leaf value. */
    private static Class<?> groupType(Method method) {
        Type type = method.getGenericReturnType();
        if (method.getReturnType() == Optional.class && type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument) {
            return isGroup(argument) ? argument : null;
        }
        return isGroup(method.getReturnType()) ? method.getReturnType() : null;
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith("org.mitreden.");
    }

    /** submissionsPerMinute -> submissions-per-minute (SmallRye's default naming strategy). */
    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Quarkus duration syntax: 20S, 5M, 1H, 500MS, a bare number of seconds, or ISO-8601 (PT20S). */
    private static Duration quarkusDuration(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.startsWith("P")) {
            return Duration.parse(v);
        }
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.matches("\\d+MS")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("\\d+[SMHD]")) {
            return v.endsWith("D") ? Duration.parse("P" + v) : Duration.parse("PT" + v);
        }
        throw new IllegalArgumentException("not a Quarkus duration: " + value);
    }

    /** 64K, 64k, 1M, 65536 -> bytes (Quarkus memory size and nginx size syntax agree on these). */
    private static long bytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)\\s*([kKmMgG]?)[bB]?").matcher(size.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> number * 1024;
            case "M" -> number * 1024 * 1024;
            case "G" -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }

    /** A Kubernetes memory quantity (384Mi, 1Gi, 512M, 1000000) in bytes. */
    private static long kubernetesBytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|M|G)?").matcher(quantity.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a memory quantity: " + quantity);
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2);
        return switch (unit) {
            case "Ki" -> number << 10;
            case "Mi" -> number << 20;
            case "Gi" -> number << 30;
            case "k" -> number * 1000;
            case "M" -> number * 1000_000;
            case "G" -> number * 1000_000_000;
            default -> number;
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Dockerfile
    // ---------------------------------------------------------------------------------------------

    /** One Dockerfile instruction, continuation lines joined, comments dropped. */
    record Instruction(String keyword, String args) {

        boolean is(String name) {
            return keyword.equals(name);
        }
    }

    private static List<Instruction> parseDockerfile(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String full = current.toString().trim();
            current.setLength(0);
            if (full.isEmpty()) {
                continue;
            }
            int space = full.indexOf(' ');
            instructions.add(space < 0
                    ? new Instruction(full.toUpperCase(Locale.ROOT), "")
                    : new Instruction(full.substring(0, space).toUpperCase(Locale.ROOT), full.substring(space + 1).trim()));
        }
        return instructions;
    }

    /** The instructions after the last FROM: what the running image is made of. */
    private static List<Instruction> finalStage() {
        int last = 0;
        for (int i = 0; i < dockerfile.size(); i++) {
            if (dockerfile.get(i).is("FROM")) {
                last = i;
            }
        }
        return dockerfile.subList(last, dockerfile.size());
    }

    // ---------------------------------------------------------------------------------------------
    // Navigating parsed YAML
    // ---------------------------------------------------------------------------------------------

    /** The value at a path of map keys, or null when any step is missing. */
    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map)) {
            fail("expected a mapping but found: " + node);
        }
        return (Map<String, Object>) node;
    }

    private static List<Map<String, Object>> maps(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            return fail("expected a list but found: " + node);
        }
        return list.stream().map(ManifestTest::map).toList();
    }

    private static List<String> strings(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            return fail("expected a list but found: " + node);
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static Map<String, String> stringMap(Object node) {
        Map<String, String> result = new LinkedHashMap<>();
        map(node).forEach((k, v) -> result.put(k, v == null ? null : String.valueOf(v)));
        return result;
    }

    private static String str(Object node) {
        return node == null ? null : String.valueOf(node);
    }

    private static int integer(Object node) {
        if (node instanceof Number number) {
            return number.intValue();
        }
        if (node == null) {
            return fail("expected a number but found nothing");
        }
        return Integer.parseInt(String.valueOf(node));
    }
}
