package org.ticketoverflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ticketoverflow.support.PostgresAvailable;
import org.ticketoverflow.support.PostgresDatabase;

/**
 * Elasticity as a platform does it, under steady client traffic through a real nginx: one api and one worker
 * node; scale out by two api nodes and a worker, each api node put into the upstream only once its readiness
 * probe says UP; scale in by two api nodes and a worker the Kubernetes way: out of the upstream (nginx reload)
 * first, then SIGTERM, then at most the grace period. Not one client request may fail, and the database must
 * hold exactly what the clients were told. The figures go to the test output (docs/benchmarks.md quotes them).
 */
@ExtendWith(PostgresAvailable.class)
class ScaleOutAndInIT {

    /** terminationGracePeriodSeconds of the api and worker Deployments in deploy/kubernetes. */
    private static final Duration API_GRACE = Duration.ofSeconds(45);

    private static final Duration WORKER_GRACE = Duration.ofSeconds(60);
    private static final Duration DRAIN_DELAY = Duration.ofSeconds(2);
    /** Three JVMs starting at once beside other builds on the 2-core machine took up to three minutes. */
    private static final Duration SCALE_OUT_STARTUP = Duration.ofMinutes(6);

    private static final Duration STEADY = Duration.ofSeconds(15);
    private static final int BUYERS = 6;
    private static final List<Integer> CAPACITIES = List.of(300, 800, 2_000, 100_000, 100_000, 100_000);
    private static final Map<String, String> NODE = Map.of(
            "TICKETOVERFLOW_RENDER_COST", "none", "TICKETOVERFLOW_SHUTDOWN_DRAIN_DELAY", DRAIN_DELAY.toSeconds() + "s");
    private static final Map<String, String> PRINTED = Map.of("outcome", "printed");

    private final ApiClient api = new ApiClient();

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void apiAndWorkerNodesJoinAndLeaveUnderLoadWithoutAFailedRequest() throws Exception {
        assumeTrue(
                Nginx.installed(),
                Nginx.BINARY + " is missing: `apt-get install -y nginx` (.ci/run does) to run the scaling test");
        String url = PostgresDatabase.createDatabase(
                "ticketoverflow_scale_" + ProcessHandle.current().pid() + "_"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24)));
        ClusterDatabase database = new ClusterDatabase(url);
        ScalingReport report = new ScalingReport();
        try (Cluster cluster = new Cluster(url, PostgresDatabase.user())) {
            NodeProcess api1 = report.started(cluster.launch("scaling-api-1", "api", NODE));
            NodeProcess worker1 = report.started(cluster.launch("scaling-worker-1", "worker", NODE));
            api1.awaitReady(Cluster.STARTUP);
            worker1.awaitReady(Cluster.STARTUP);
            List<String> concerts = new ArrayList<>();
            for (int capacity : CAPACITIES) {
                concerts.add(api.createConcert(api1, "Scale " + capacity, capacity));
            }
            Traffic traffic;
            NodeProcess api3;
            NodeProcess worker2;
            Instant scaledIn;
            LastScrape worker1Printed;
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            try (Nginx nginx = Nginx.start(List.of(api1))) {
                traffic = Traffic.start(nginx::uri, concerts, BUYERS);
                report.phase("1 api + 1 worker", traffic, STEADY);

                NodeProcess api2 = report.started(cluster.launch("scaling-api-2", "api", NODE));
                api3 = report.started(cluster.launch("scaling-api-3", "api", NODE));
                worker2 = report.started(cluster.launch("scaling-worker-2", "worker", NODE));
                nginx.route(List.of(api1, report.ready(api2.awaitReady(SCALE_OUT_STARTUP))));
                report.routed(api2);
                nginx.route(List.of(api1, api2, report.ready(api3.awaitReady(SCALE_OUT_STARTUP))));
                report.routed(api3);
                report.ready(worker2.awaitReady(SCALE_OUT_STARTUP));
                report.firstJob(worker2, api);
                report.phase("3 api + 2 workers", traffic, STEADY);

                worker1Printed = LastScrape.watch(api, worker1, "ticketoverflow_prints_total", PRINTED);
                Instant removal = Instant.now();
                nginx.route(List.of(api3));
                scaledIn = Instant.now();
                report.unrouted(Duration.between(removal, scaledIn));
                stops.add(report.stop(api1, API_GRACE));
                stops.add(report.stop(api2, API_GRACE));
                stops.add(report.stop(worker1, WORKER_GRACE));
                report.phase("1 api + 1 worker after scale-in", traffic, STEADY);
                CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
                traffic.close();
                report.traffic(traffic, UpstreamLog.read(nginx.accessLog()), api3, api1);
                assertThat(traffic.failures)
                        .as("client requests that failed; nginx error log:\n%s", nginx.errorLog())
                        .isEmpty();
                UpstreamLog log = UpstreamLog.read(nginx.accessLog());
                assertThat(log.notServedByOneUpstream())
                        .as("requests nginx retried or could not pass")
                        .isEmpty();
                assertThat(traffic.total(Traffic.RESENT))
                        .as("resent requests: at most one per buyer and nginx reload (3 reloads)")
                        .isLessThanOrEqualTo(3L * BUYERS);
                assertThat(log.entries())
                        .as("requests passed to a node after it left the upstream")
                        .noneMatch(entry ->
                                entry.at().isAfter(scaledIn) && (entry.servedBy(api1) || entry.servedBy(api2)));
                assertThat(log.servedBy(api2)).as("requests served by api-2").isNotEmpty();
                assertThat(log.servedBy(api3)).as("requests served by api-3").isNotEmpty();
            }
            report.assertStoppedCleanly();

            for (int i = 0; i < concerts.size(); i++) {
                String concert = concerts.get(i);
                Set<String> committed = database.ticketIds(concert);
                assertThat(committed)
                        .as("tickets of concert %d in the database", i)
                        .isEqualTo(traffic.sold.get(concert));
                ClusterDatabase.ConcertRow row = database.concert(concert);
                assertThat(row.sold()).isEqualTo(committed.size()).isLessThanOrEqualTo(CAPACITIES.get(i));
            }
            awaitPrinted(database, concerts, traffic.printsRequested);
            assertThat(database.jobs())
                    .as("jobs kept as FAILED")
                    .noneMatch(job -> job.state().equals("FAILED"));
            double printed = worker1Printed.last() + api.scrape(worker2).sum("ticketoverflow_prints_total", PRINTED);
            assertThat(printed)
                    .as("prints completed by the workers (worker-1 as last seen): none twice")
                    .isLessThanOrEqualTo(traffic.printsRequested.size());
        }
    }

    private static void awaitPrinted(ClusterDatabase database, List<String> concerts, Set<String> prints) {
        await("every print requested is PRINTED")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, String> statuses = new HashMap<>();
                    concerts.forEach(concert -> statuses.putAll(database.tickets(concert)));
                    assertThat(prints)
                            .allSatisfy(ticket ->
                                    assertThat(statuses.get(ticket)).as(ticket).isEqualTo("PRINTED"));
                    assertThat(database.jobsOf(prints)).as("print jobs left").isEmpty();
                });
    }
}
