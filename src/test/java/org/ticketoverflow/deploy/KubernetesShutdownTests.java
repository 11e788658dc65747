package org.ticketoverflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * The shutdown sequence of docs/operations.md held against the manifests: a pod being removed first pauses while
 * still serving (an api pod: the drain delay, or a preStop sleep, not both), then the job workers get their grace,
 * then Spring's graceful shutdown its phase timeout; terminationGracePeriodSeconds must cover all of it, or the
 * kubelet's SIGKILL cuts requests and jobs short.
 */
class KubernetesShutdownTests {

    static final String DRAIN_DELAY = "TICKETOVERFLOW_SHUTDOWN_DRAIN_DELAY";
    static final String JOBS_GRACE = "TICKETOVERFLOW_JOBS_SHUTDOWN_GRACE";

    static Manifests manifests;
    static ApplicationSettings application;

    @BeforeAll
    static void load() {
        manifests = Manifests.load();
        application = ApplicationSettings.load();
    }

    @Test
    void theGracePeriodCoversThePauseTheJobGraceAndTheShutdownPhase() {
        long phase = application.shutdownTimeout().toSeconds();
        for (String role : KubernetesManifestsTests.ROLES) {
            Deployment deployment = manifests.deployment(role);
            long pause = pauseSeconds(deployment, role);
            long jobs =
                    role.equals("worker") ? seconds(deployment, JOBS_GRACE, "ticketoverflow.jobs.shutdown-grace") : 0;
            assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                    .as("%s: pause %d s + job grace %d s + shutdown phase %d s", role, pause, jobs, phase)
                    .isGreaterThanOrEqualTo(pause + jobs + phase);
        }
    }

    @Test
    void anApiPodPausesOnceAndLongEnoughForAReadinessWatcherToNotice() {
        Deployment api = manifests.deployment("api");
        Container container = Workloads.container(api);
        long preStop = Workloads.preStopSeconds(container);
        long drain = seconds(api, DRAIN_DELAY, "ticketoverflow.shutdown.drain-delay");
        assertThat(preStop == 0 || drain == 0)
                .as("preStop %d s and drain delay %d s: one pause, not two", preStop, drain)
                .isTrue();
        Probe readiness = container.getReadinessProbe();
        assertThat(preStop + drain)
                .as("the pause against readiness period × failureThreshold")
                .isGreaterThanOrEqualTo((long) readiness.getPeriodSeconds() * readiness.getFailureThreshold());
    }

    @Test
    void aWorkerPodDoesNotPauseAndGivesItsRunningJobsAGrace() {
        Deployment worker = manifests.deployment("worker");
        assertThat(Workloads.preStopSeconds(Workloads.container(worker)))
                .as("a worker serves no traffic: nothing to drain")
                .isZero();
        long grace = seconds(worker, JOBS_GRACE, "ticketoverflow.jobs.shutdown-grace");
        assertThat(grace).isPositive();
    }

    /** What the pod waits before Spring stops taking requests: preStop, then (api role) the drain delay. */
    private static long pauseSeconds(Deployment deployment, String role) {
        long preStop = Workloads.preStopSeconds(Workloads.container(deployment));
        long drain = role.equals("api") ? seconds(deployment, DRAIN_DELAY, "ticketoverflow.shutdown.drain-delay") : 0;
        return preStop + drain;
    }

    private static long seconds(Deployment deployment, String variable, String property) {
        String value = Workloads.environmentValue(manifests, deployment, variable)
                .orElseGet(() -> application.property(property, "0s"));
        Duration duration = DurationStyle.detectAndParse(value);
        return (long) Math.ceil(duration.toMillis() / 1000.0);
    }
}
