package org.ticketoverflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks deploy/kubernetes against the application it deploys: every manifest is read strictly into the
 * Kubernetes (fabric8) or KEDA model, and its ports, probe paths, environment variables, roles and KEDA
 * query must agree with what src/main says. Helpers: {@link Manifests}, {@link ApplicationSettings},
 * {@link Workloads}, {@link MigratedDatabase}.
 */
class KubernetesManifestsTests {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final Set<String> ROLES = Set.of("api", "worker");
    static final String KEDA_QUERY = "SELECT COUNT(*) + COUNT(CASE WHEN state = 'QUEUED' AND deadline < "
            + "CURRENT_TIMESTAMP + INTERVAL '60' SECOND THEN 1 END) FROM jobs "
            + "WHERE state = 'RUNNING' OR (state = 'QUEUED' AND run_at <= CURRENT_TIMESTAMP)";

    static Manifests manifests;
    static ApplicationSettings application;

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
        application = ApplicationSettings.load();
    }

    @Test
    void listsEveryFileOfTheFolderInTheKustomization() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(Manifests.DIRECTORY)) {
            listing.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals(Manifests.KUSTOMIZATION))
                    .forEach(files::add);
        }
        assertThat(manifests.kustomization().kind()).isEqualTo("Kustomization");
        assertThat(new TreeSet<>(manifests.kustomization().resources())).isEqualTo(files);
    }

    @Test
    void readsEveryListedManifestIntoItsModel() {
        assertThat(manifests.objects())
                .hasSizeGreaterThanOrEqualTo(
                        manifests.kustomization().resources().size());
        assertThat(manifests.all(Deployment.class)).hasSize(2);
        assertThat(manifests.all(KedaScaledObject.class)).hasSize(1);
        assertThat(manifests.all(KedaTriggerAuthentication.class)).hasSize(1);
        manifests
                .objects()
                .forEach(object ->
                        assertThat(Manifests.metadata(object).getName()).isNotBlank());
    }

    @Test
    void containersListenOnTheServerPortOfTheApplication() {
        int port = application.serverPort();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Container container = Workloads.container(deployment);
            assertThat(container.getPorts())
                    .extracting(ContainerPort::getContainerPort)
                    .containsExactly(port);
            assertThat(Workloads.port(
                            container, container.getLivenessProbe().getHttpGet().getPort()))
                    .isEqualTo(port);
            assertThat(Workloads.port(
                            container,
                            container.getReadinessProbe().getHttpGet().getPort()))
                    .isEqualTo(port);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
        assertThat(application.exposedEndpoints()).contains("health", "prometheus");
        assertThat(application.property("management.server.port", String.valueOf(port)))
                .isEqualTo(String.valueOf(port));

        Service service = manifests.named(Service.class, "ticketoverflow-api");
        Container api = Workloads.container(manifests.deployment("api"));
        assertThat(service.getSpec().getPorts())
                .allSatisfy(servicePort -> assertThat(Workloads.port(api, servicePort.getTargetPort()))
                        .isEqualTo(port));
        var backend = manifests
                .named(Ingress.class, "ticketoverflow-api")
                .getSpec()
                .getRules()
                .getFirst()
                .getHttp()
                .getPaths()
                .getFirst()
                .getBackend()
                .getService();
        assertThat(backend.getName()).isEqualTo(service.getMetadata().getName());
        assertThat(service.getSpec().getPorts())
                .extracting(ServicePort::getName)
                .contains(backend.getPort().getName());
    }

    @Test
    void probesAskTheHealthGroupsTheApplicationEnables() {
        assertThat(application.property("management.endpoint.health.probes.enabled", "false"))
                .isEqualTo("true");
        assertThat(application.property("management.endpoints.web.base-path", "/actuator"))
                .isEqualTo("/actuator");
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Container container = Workloads.container(deployment);
            assertThat(path(container.getLivenessProbe())).isEqualTo(LIVENESS);
            assertThat(path(container.getReadinessProbe())).isEqualTo(READINESS);
            if (container.getStartupProbe() != null) {
                assertThat(path(container.getStartupProbe())).isEqualTo(LIVENESS);
            }
        }
    }

    @Test
    void setsOnlyEnvironmentVariablesTheApplicationKnows() {
        Set<String> used = Workloads.environmentVariables(manifests);
        assertThat(used)
                .contains(
                        "TICKETOVERFLOW_ROLES",
                        "TICKETOVERFLOW_DATABASE_URL",
                        "TICKETOVERFLOW_DATABASE_USER",
                        "TICKETOVERFLOW_DATABASE_PASSWORD");
        assertThat(application.knownVariables())
                .as(
                        "names bound in application.yaml or @ConfigurationProperties, or documented in %s",
                        ApplicationSettings.CONFIGURATION_DOCS)
                .containsAll(used);
    }

    @Test
    void theApplicationBindsEveryVariableTheManifestsSet() {
        assumeTrue(
                ApplicationSettings.applicationBindsOwnSettings(),
                "no @ConfigurationProperties record binds "
                        + "ticketoverflow.* yet: only the documentation vouches for TICKETOVERFLOW_* names so far");
        assertThat(application.boundVariables()).containsAll(Workloads.environmentVariables(manifests));
    }

    @Test
    void eachDeploymentRunsOneRole() {
        for (String role : ROLES) {
            Deployment deployment = manifests.deployment(role);
            assertThat(Workloads.container(deployment).getEnv())
                    .filteredOn(env -> env.getName().equals("TICKETOVERFLOW_ROLES"))
                    .extracting(EnvVar::getValue)
                    .containsExactly(role);
            assertThat(deployment.getSpec().getReplicas())
                    .as("the autoscaler owns the replica count")
                    .isNull();
            Map<String, String> podLabels = Workloads.podLabels(deployment);
            assertThat(podLabels)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(manifests.all(PodDisruptionBudget.class))
                    .filteredOn(pdb -> podLabels
                            .entrySet()
                            .containsAll(
                                    pdb.getSpec().getSelector().getMatchLabels().entrySet()))
                    .hasSize(1);
        }
        Map<String, String> apiService =
                manifests.named(Service.class, "ticketoverflow-api").getSpec().getSelector();
        assertThat(Workloads.podLabels(manifests.deployment("api"))).containsAllEntriesOf(apiService);
        assertThat(Workloads.podLabels(manifests.deployment("worker"))
                        .entrySet()
                        .containsAll(apiService.entrySet()))
                .as("the api Service selects worker pods")
                .isFalse();
        assertThat(manifests.all(HorizontalPodAutoscaler.class))
                .singleElement()
                .satisfies(hpa -> assertThat(hpa.getSpec().getScaleTargetRef().getName())
                        .isEqualTo(Workloads.name(manifests.deployment("api"))));
        assertThat(manifests.all(KedaScaledObject.class))
                .singleElement()
                .satisfies(scaledObject -> assertThat(
                                scaledObject.spec().scaleTargetRef().name())
                        .isEqualTo(Workloads.name(manifests.deployment("worker"))));
    }

    @Test
    void podsGetLongerToStopThanTheApplicationTakesToDrain() {
        long drain = application.shutdownTimeout().toSeconds();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            long preStop = Workloads.preStopSeconds(Workloads.container(deployment));
            assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                    .as("%s: preStop %d s + drain %d s", Workloads.name(deployment), preStop, drain)
                    .isGreaterThan(preStop + drain);
        }
    }

    @Test
    void everyContainerHasResourceRequestsAndLimits() {
        for (Deployment deployment : manifests.all(Deployment.class)) {
            var resources = Workloads.container(deployment).getResources();
            for (Map<String, Quantity> bounds : List.of(resources.getRequests(), resources.getLimits())) {
                assertThat(bounds).containsKeys("cpu", "memory");
            }
            assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
                    .isGreaterThanOrEqualTo(
                            Quantity.getAmountInBytes(resources.getRequests().get("memory")));
            assertThat(Quantity.getAmountInBytes(resources.getLimits().get("cpu")))
                    .isGreaterThanOrEqualTo(
                            Quantity.getAmountInBytes(resources.getRequests().get("cpu")));
        }
    }

    @Test
    void scalesTheApiOnCpuAndWaitsBeforeScalingIn() {
        var spec = manifests.all(HorizontalPodAutoscaler.class).getFirst().getSpec();
        assertThat(spec.getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(spec.getMinReplicas()).isGreaterThanOrEqualTo(2).isLessThan(spec.getMaxReplicas());
        assertThat(spec.getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(30, 90);
        });
        assertThat(spec.getBehavior().getScaleDown().getStabilizationWindowSeconds())
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void scalesTheWorkersOnQueueDepthWithTheApplicationsDatabase() {
        KedaScaledObject.Spec spec =
                manifests.all(KedaScaledObject.class).getFirst().spec();
        assertThat(spec.minReplicaCount()).isEqualTo(1);
        assertThat(spec.maxReplicaCount()).isGreaterThan(spec.minReplicaCount());
        assertThat(spec.pollingInterval()).isPositive();
        assertThat(spec.cooldownPeriod()).isPositive();
        assertThat(spec.triggers()).hasSize(1);
        KedaScaledObject.Trigger trigger = kedaTrigger();
        assertThat(trigger.type()).isEqualTo("postgresql");
        assertThat(trigger.metadata().get("query")).isEqualTo(KEDA_QUERY);
        assertThat(Double.parseDouble(trigger.metadata().get("targetQueryValue")))
                .isPositive();

        var authentication = manifests.named(
                KedaTriggerAuthentication.class, trigger.authenticationRef().name());
        Secret secret = manifests.named(Secret.class, Workloads.DATABASE_SECRET);
        Map<String, String> secretValues = secret.getStringData();
        assertThat(authentication.spec().secretTargetRef())
                .allSatisfy(ref -> {
                    assertThat(ref.name()).isEqualTo(secret.getMetadata().getName());
                    assertThat(secretValues).containsKey(ref.key());
                })
                .extracting(KedaTriggerAuthentication.SecretTargetRef::parameter)
                .containsExactlyInAnyOrder("userName", "password");

        PostgresUrl url = PostgresUrl.parse(secretValues.get("TICKETOVERFLOW_DATABASE_URL"));
        assertThat(trigger.metadata())
                .containsEntry("host", url.host())
                .containsEntry("port", url.port())
                .containsEntry("dbName", url.database());
        assertThat(url.host()).as("KEDA connects from its own namespace").endsWith(".svc.cluster.local");
        url.parameter("sslmode")
                .ifPresent(mode -> assertThat(trigger.metadata()).containsEntry("sslmode", mode));
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Engine.class)
    void theKedaQueryCountsDueWorkAndPredictedMissesOfTheMigratedSchema(
            MigratedDatabase.Engine engine, @TempDir Path directory) throws Exception {
        assumeTrue(MigratedDatabase.available(engine), "PostgreSQL is off: set TICKETOVERFLOW_TEST_POSTGRES_URL");
        MigratedDatabase database = MigratedDatabase.create(engine, directory);
        assumeTrue(
                database.hasTable("jobs"),
                "no jobs table in src/main/resources/db/migration yet (V2__jobs.sql "
                        + "comes with the jobs module); this check runs once it is merged");
        String query = kedaTrigger().metadata().get("query");
        assertThat(database.count(query)).isZero();
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime past = now.minusMinutes(5);
        OffsetDateTime future = now.plusHours(1);
        // state, run_at, deadline -> what the row adds
        job(database, "RUNNING", past, future); // 1: running
        job(database, "QUEUED", past, future); // 1: due, on time
        job(database, "QUEUED", past, past); // 2: due and predicted to miss
        job(database, "QUEUED", future, past); // 0: not due yet (a backoff), however late
        job(database, "FAILED", past, past); // 0: ended
        assertThat(database.count(query))
                .as("due and running jobs, due waiting ones predicted to miss twice; not future-dated or FAILED ones")
                .isEqualTo(4);
    }

    private static void job(MigratedDatabase database, String state, OffsetDateTime runAt, OffsetDateTime deadline)
            throws Exception {
        database.insert(
                "jobs",
                List.of(
                        new MigratedDatabase.Column("state", state),
                        new MigratedDatabase.Column("kind", "print"),
                        new MigratedDatabase.Column("run_at", runAt),
                        new MigratedDatabase.Column("deadline", deadline)));
    }

    @Test
    void kustomizeBuildsTheFolder() throws Exception {
        assumeTrue(Workloads.onPath("kubectl"), "kubectl is not installed: kustomize build not tried");
        Process build = new ProcessBuilder("kubectl", "kustomize", Manifests.DIRECTORY.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(build.getInputStream().readAllBytes());
        assertThat(build.waitFor()).as(output).isZero();
        assertThat(output)
                .contains(
                        "kind: ScaledObject",
                        "namespace: " + manifests.kustomization().namespace());
    }

    private static KedaScaledObject.Trigger kedaTrigger() {
        return manifests
                .all(KedaScaledObject.class)
                .getFirst()
                .spec()
                .triggers()
                .getFirst();
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }
}
