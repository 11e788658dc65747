package org.ticketoverflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ticketoverflow.cluster.ApiClient.Purchase;
import org.ticketoverflow.cluster.ClusterDatabase.JobRow;
import org.ticketoverflow.support.PostgresAvailable;
import org.ticketoverflow.support.PostgresDatabase;

/**
 * The built jar as a cluster of real processes on one fresh PostgreSQL database: two api nodes and two worker
 * nodes, then crashes (SIGKILL) and a scale-in (SIGTERM). The scenarios share the nodes and run in order; the
 * ones that kill a node say which node survives for the next.
 */
@ExtendWith(PostgresAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String RENDERS = "ticketoverflow_render_duration_seconds_count";
    private static final String RENDER_SECONDS = "ticketoverflow_render_duration_seconds_sum";
    private static final Map<String, String> TICKET = Map.of("kind", "ticket");
    private static final Duration PRINTING = Duration.ofSeconds(90);

    private final ApiClient api = new ApiClient();
    private Cluster cluster;
    private ClusterDatabase database;
    private NodeProcess api1;
    private NodeProcess api2;
    private final List<NodeProcess> workers = new ArrayList<>();

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // more than the suite's default: four JVMs start on two cores
    void startCluster() {
        String url = PostgresDatabase.createDatabase(
                "ticketoverflow_cluster_" + ProcessHandle.current().pid() + "_"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24)));
        database = new ClusterDatabase(url);
        cluster = new Cluster(url, PostgresDatabase.user());
        api1 = cluster.launch("api-1", "api");
        api2 = cluster.launch("api-2", "api");
        workers.add(cluster.launch("worker-1", "worker"));
        workers.add(cluster.launch("worker-2", "worker"));
        List.of(api1, api2, workers.get(0), workers.get(1)).forEach(node -> node.awaitReady(Cluster.STARTUP));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void onlyApiNodesServeTheApi() {
        assertThat(api.get(api1, "/api/v1/concerts").statusCode()).isEqualTo(200);
        assertThat(api.get(api2, "/api/v1/concerts").statusCode()).isEqualTo(200);
        for (NodeProcess worker : workers) {
            assertThat(api.get(worker, "/api/v1/concerts").statusCode())
                    .as(worker.name())
                    .isEqualTo(404);
            assertThat(api.get(worker, "/actuator/health/liveness").statusCode())
                    .as(worker.name())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void purchasesRacingThroughBothApiNodesNeverOversell() throws Exception {
        int capacity = 300;
        String concert = api.createConcert(api1, "Race", capacity);
        List<Purchase> answers = new ArrayList<>();
        try (ExecutorService buyers = Executors.newFixedThreadPool(64)) {
            List<Future<Purchase>> purchases = new ArrayList<>();
            for (int attempt = 0; attempt < 3 * capacity; attempt++) {
                NodeProcess node = attempt % 2 == 0 ? api1 : api2;
                purchases.add(buyers.submit(() -> api.purchase(node, concert)));
            }
            for (Future<Purchase> purchase : purchases) {
                answers.add(purchase.get(60, TimeUnit.SECONDS));
            }
        }

        Map<Integer, Long> statuses =
                answers.stream().collect(Collectors.groupingBy(Purchase::status, Collectors.counting()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, (long) capacity, 422, 2L * capacity));
        Set<String> sold = answers.stream()
                .filter(answer -> answer.status() == 201)
                .map(Purchase::ticketId)
                .collect(Collectors.toSet());
        assertThat(sold).hasSize(capacity);
        assertThat(database.ticketIds(concert)).isEqualTo(sold);
        assertThat(database.concert(concert)).isEqualTo(new ClusterDatabase.ConcertRow(capacity, capacity, "SOLD_OUT"));
        assertThat(api.getJson(api2, "/api/v1/concerts/" + concert)
                        .get("status")
                        .asString())
                .isEqualTo("SOLD_OUT");
    }

    @Test
    @Order(3)
    void everyPrintIsRenderedExactlyOnceByTheWorkers() {
        String concert = api.createConcert(api1, "Prints", 100);
        List<String> tickets = buy(concert, 40);
        double rendersBefore = sum(workers, node -> node.sum(RENDERS, TICKET));
        double printedBefore =
                sum(workers, node -> node.sum("ticketoverflow_prints_total", Map.of("outcome", "printed")));

        for (int i = 0; i < tickets.size(); i++) {
            assertThat(api.requestPrint(i % 2 == 0 ? api1 : api2, tickets.get(i)))
                    .isEqualTo(202);
        }
        awaitPrinted(concert, Set.copyOf(tickets));

        assertThat(sum(workers, node -> node.sum(RENDERS, TICKET)) - rendersBefore)
                .isEqualTo(tickets.size());
        assertThat(sum(workers, node -> node.sum("ticketoverflow_prints_total", Map.of("outcome", "printed")))
                        - printedBefore)
                .isEqualTo(tickets.size());
        assertThat(sum(List.of(api1, api2), node -> node.sum(RENDERS, Map.of())))
                .as("renders on api nodes")
                .isZero();
        for (String ticket : tickets) {
            HttpResponse<String> print =
                    api.get(tickets.indexOf(ticket) % 2 == 0 ? api2 : api1, "/api/v1/tickets/" + ticket + "/print");
            assertThat(print.statusCode()).isEqualTo(200);
            assertThat(print.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(
                            type -> assertThat(type.split(";")[0].strip()).isEqualTo("image/svg+xml"));
            assertThat(print.body()).contains("<desc>" + ticket + "</desc>");
        }
        double seconds = sum(workers, node -> node.sum(RENDER_SECONDS, TICKET));
        double count = sum(workers, node -> node.sum(RENDERS, TICKET));
        System.out.printf(
                "ClusterIT: render cost %s: %.0f ticket renders, mean %.3f s each (4 at once on %d cores)%n",
                Cluster.RENDER_COST,
                count,
                seconds / count,
                Runtime.getRuntime().availableProcessors());
    }

    @Test
    @Order(4)
    void jobsOfAWorkerKilledMidJobFinishOnTheOtherAfterTheLease() {
        NodeProcess victim = workers.get(0);
        String concert = api.createConcert(api2, "Crash", 100);
        Set<String> tickets = Set.copyOf(buy(concert, 16));
        tickets.forEach(ticket -> api.requestPrint(api2, ticket));
        awaitHoldingJobs(victim, tickets);

        assertThat(victim.kill9()).as("exit code of SIGKILL").isEqualTo(137);
        Map<String, String> statusAtDeath = database.tickets(concert);
        List<JobRow> orphans = database.jobsOf(tickets).stream()
                .filter(job -> job.ownedBy(victim.pid())
                        && statusAtDeath.get(job.subject()).equals("PENDING"))
                .toList();
        assertThat(orphans)
                .as("unfinished jobs the killed worker held")
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.state()).isEqualTo("RUNNING"));

        awaitPrinted(concert, tickets);
        Map<String, Instant> printedAt = database.printedAt(concert);
        assertThat(orphans)
                .allSatisfy(orphan -> assertThat(printedAt.get(orphan.subject()))
                        .as("ticket %s printed after the dead worker's lease ran out", orphan.subject())
                        .isAfter(orphan.leaseUntil()));

        workers.set(0, cluster.start("worker-3", "worker"));
    }

    @Test
    @Order(5)
    void aWorkerStoppedWithSigtermDrainsCleanly() {
        NodeProcess leaving = workers.get(1);
        String concert = api.createConcert(api2, "Scale-in", 100);
        Set<String> tickets = Set.copyOf(buy(concert, 16));
        tickets.forEach(ticket -> api.requestPrint(api2, ticket));
        awaitHoldingJobs(leaving, tickets);

        long start = System.nanoTime();
        int exitCode = leaving.terminate(Cluster.SHUTDOWN_GRACE.plusSeconds(30));
        Duration stopping = Duration.ofNanos(System.nanoTime() - start);

        // the JVM reports a SIGTERM it handled (shutdown hooks run, Spring closed) as 128 + 15
        assertThat(exitCode).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(stopping).isLessThan(Cluster.SHUTDOWN_GRACE.plusSeconds(15));
        assertThat(leaving.log())
                .contains("Job workers of node")
                .containsPattern("Job workers of node \\S*:" + leaving.pid() + ":\\S* stopped");
        assertThat(database.jobs())
                .as("jobs still leased to the stopped worker")
                .noneMatch(job -> job.ownedBy(leaving.pid()));
        awaitPrinted(concert, tickets);
        workers.remove(leaving);
    }

    @Test
    @Order(6)
    void purchasesAcknowledgedByAnApiNodeKilledMidBurstAreAllKept() throws Exception {
        NodeProcess victim = api1;
        String concert = api.createConcert(api2, "Burst", 100_000);
        int buyers = 16;
        PurchaseBurst burst = PurchaseBurst.start(api, victim, concert, buyers);
        await("purchases acknowledged before the kill")
                .atMost(Duration.ofSeconds(60))
                .until(() -> burst.acknowledgedCount() >= 500
                        || !burst.otherAnswers().isEmpty());
        assertThat(victim.kill9()).isEqualTo(137);
        burst.awaitEnd(Duration.ofSeconds(60));

        assertThat(burst.otherAnswers())
                .as("answers other than 201 before the node died")
                .isEmpty();
        assertThat(burst.failures()).as("buyers that saw the node die").isEqualTo(buyers);
        Set<String> committed = database.ticketIds(concert);
        assertThat(committed).as("tickets in the database").containsAll(burst.acknowledged());
        assertThat(committed.size() - burst.acknowledgedCount())
                .as("committed but never acknowledged")
                .isBetween(0, burst.failures());
        assertThat(database.concert(concert).sold()).isEqualTo(committed.size());

        Purchase afterwards = api.purchase(api2, concert);
        assertThat(afterwards.status())
                .as("the surviving api node keeps selling")
                .isEqualTo(201);
        assertThat(database.concert(concert).sold()).isEqualTo(committed.size() + 1);
    }

    @Test
    @Order(7)
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // starts a JVM of its own on the busy cores, then 3000 purchases
    void keyedPurchasesRetriedOnTheOtherNodeAfterAKillAreEachSoldExactlyOnce() throws Exception {
        NodeProcess victim = cluster.start("api-3", "api");
        String concert = api.createConcert(api2, "Keyed burst", 100_000);
        int clients = 3000;
        KeyedBuyers buyers = KeyedBuyers.start(api, victim, api2, concert, clients, 64);
        await("keyed purchases answered before the kill")
                .atMost(Duration.ofSeconds(60))
                .until(() -> buyers.answeredByFirst() >= 500);
        assertThat(victim.kill9()).isEqualTo(137);
        buyers.awaitEnd(Duration.ofMinutes(4));

        Map<String, ApiClient.KeyedPurchase> answers = buyers.answers();
        assertThat(answers).as("buyers with a final answer").hasSize(clients);
        assertThat(answers.values())
                .allSatisfy(
                        answer -> assertThat(answer.status()).as("final answer").isEqualTo(201));
        Set<String> answered =
                answers.values().stream().map(ApiClient.KeyedPurchase::ticketId).collect(Collectors.toSet());
        assertThat(answered).as("distinct tickets named by the answers").hasSize(clients);
        assertThat(database.ticketIds(concert))
                .as("tickets of the concert: exactly the ones the %d keys were answered with", clients)
                .isEqualTo(answered);
        assertThat(database.concert(concert).sold()).isEqualTo(clients);
        long replayed = answers.values().stream()
                .filter(ApiClient.KeyedPurchase::replayed)
                .count();
        System.out.printf(
                "ClusterIT: %d keyed buyers; %d answered by the killed node, %d retried on the other, %d of those "
                        + "replayed a ticket the killed node had committed without answering%n",
                clients, buyers.answeredByFirst(), buyers.unansweredByFirst(), replayed);
    }

    private List<String> buy(String concert, int count) {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                Purchase purchase = api.purchase(i % 2 == 0 ? api1 : api2, concert);
                assertThat(purchase.status()).isEqualTo(201);
                tickets.add(purchase.ticketId());
            } catch (IOException e) {
                throw new AssertionError("purchase failed", e);
            }
        }
        return tickets;
    }

    /** Waits until every ticket is PRINTED and no job for them is left: after that no render of them can follow. */
    private void awaitPrinted(String concert, Set<String> tickets) {
        await("tickets printed")
                .atMost(PRINTING)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Map<String, String> statuses = database.tickets(concert);
                    assertThat(tickets)
                            .allSatisfy(ticket ->
                                    assertThat(statuses.get(ticket)).as(ticket).isEqualTo("PRINTED"));
                    assertThat(database.jobsOf(tickets)).isEmpty();
                });
    }

    /** Waits until the node runs print jobs of these tickets (read from the jobs table's lease owners). */
    private void awaitHoldingJobs(NodeProcess node, Set<String> tickets) {
        Set<Long> workerPids = new HashSet<>();
        workers.forEach(worker -> workerPids.add(worker.pid()));
        await(node.name() + " running jobs")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    List<JobRow> running = database.jobsOf(tickets).stream()
                            .filter(job -> job.state().equals("RUNNING"))
                            .toList();
                    assertThat(running)
                            .as("every running job is leased to a worker node, named by its pid")
                            .allMatch(job -> workerPids.stream().anyMatch(job::ownedBy));
                    return running.stream().anyMatch(job -> job.ownedBy(node.pid()));
                });
    }

    private double sum(List<NodeProcess> nodes, Function<Prometheus, Double> metric) {
        return nodes.stream()
                .mapToDouble(node -> metric.apply(api.scrape(node)))
                .sum();
    }
}
