package org.ticketoverflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What {@link ScaleOutAndInIT} saw happen, with times: when each node started, was ready, got into and out of the
 * upstream and served its first request; how each stop went; the traffic of each phase. Stops are asserted here
 * because they run in the background while the traffic goes on.
 */
final class ScalingReport {

    record Stop(String node, int exitCode, Duration took, Duration grace, String readinessAfterSigterm) {}

    private final Map<NodeProcess, Instant> started = new LinkedHashMap<>();
    private final Map<NodeProcess, Instant> routed = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Stop> stops = new ConcurrentLinkedQueue<>();
    private final ExecutorService stopping = Executors.newCachedThreadPool();

    NodeProcess started(NodeProcess node) {
        started.put(node, Instant.now());
        return node;
    }

    NodeProcess ready(NodeProcess node) {
        line("%s ready %s after its start", node.name(), since(node, Instant.now()));
        return node;
    }

    void routed(NodeProcess node) {
        routed.put(node, Instant.now());
        line("%s in the nginx upstream %s after its start", node.name(), since(node, Instant.now()));
    }

    void unrouted(Duration reload) {
        line("scale-in: nginx reloaded without api-1 and api-2, old workers gone, in %d ms", reload.toMillis());
    }

    void firstJob(NodeProcess worker, ApiClient api) {
        await(worker.name() + " runs a job")
                .atMost(Duration.ofSeconds(90))
                .until(() -> api.scrape(worker).sum("ticketoverflow_jobs_completed_total", Map.of()) > 0);
        line("%s finished its first job %s after its start", worker.name(), since(worker, Instant.now()));
    }

    void phase(String name, Traffic traffic, Duration length) throws InterruptedException {
        long before = traffic.total("requests");
        Thread.sleep(length);
        long requests = traffic.total("requests") - before;
        line(
                "phase %s: %d requests in %d s (%.0f/s), failures so far %d",
                name, requests, length.toSeconds(), requests / (double) length.toSeconds(), traffic.failures.size());
    }

    /** SIGTERM in the background, watching the readiness probe until the node stops answering. */
    CompletableFuture<Void> stop(NodeProcess node, Duration grace) {
        long start = System.nanoTime();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> node.terminate(grace), stopping);
        return CompletableFuture.runAsync(
                () -> {
                    String readiness = watchReadiness(node, exit, start);
                    int code = exit.join();
                    stops.add(
                            new Stop(node.name(), code, Duration.ofNanos(System.nanoTime() - start), grace, readiness));
                },
                stopping);
    }

    private static String watchReadiness(NodeProcess node, CompletableFuture<Integer> exit, long start) {
        ApiClient probe = new ApiClient();
        while (!exit.isDone()) {
            try {
                int status = probe.get(node, "/actuator/health/readiness").statusCode();
                if (status != 200) {
                    return status + " after "
                            + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
                }
                Thread.sleep(20);
            } catch (UncheckedIOException e) {
                return "refused after "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
            } catch (InterruptedException e) {
                return "interrupted";
            }
        }
        return "exited";
    }

    void assertStoppedCleanly() {
        stopping.shutdown();
        for (Stop stop : stops) {
            line(
                    "%s stopped: exit %d after %d ms (grace %d s); readiness after SIGTERM: %s",
                    stop.node(),
                    stop.exitCode(),
                    stop.took().toMillis(),
                    stop.grace().toSeconds(),
                    stop.readinessAfterSigterm());
        }
        assertThat(stops).hasSize(3).allSatisfy(stop -> {
            // the JVM exits 128 + 15 after a SIGTERM its shutdown hooks handled: Spring closed, nothing killed
            assertThat(stop.exitCode()).as("%s exit code", stop.node()).isEqualTo(143);
            assertThat(stop.took()).as("%s stop", stop.node()).isLessThan(stop.grace());
        });
        assertThat(stops)
                .filteredOn(stop -> stop.node().contains("api"))
                .allSatisfy(stop -> assertThat(stop.readinessAfterSigterm())
                        .as("%s: readiness DOWN before it stops accepting connections", stop.node())
                        .startsWith("503"));
    }

    /** Time to first served request per api node, and the latency of a new node's first requests. */
    void traffic(Traffic traffic, UpstreamLog log, NodeProcess newNode, NodeProcess warmNode) {
        routed.forEach((node, in) -> log.servedBy(node).stream()
                .findFirst()
                .ifPresent(entry -> line(
                        "%s served its first request %d ms after its start, %d ms after it joined the upstream",
                        node.name(),
                        Duration.between(started.get(node), entry.at()).toMillis(),
                        Duration.between(in, entry.at()).toMillis())));
        List<UpstreamLog.Entry> fresh = log.servedBy(newNode);
        if (fresh.size() > 400) {
            Instant from = fresh.getFirst().at();
            Instant to = fresh.get(399).at();
            List<UpstreamLog.Entry> warm = log.servedBy(warmNode).stream()
                    .filter(entry -> !entry.at().isBefore(from) && !entry.at().isAfter(to))
                    .toList();
            line(
                    "%s upstream time, its first 200 requests: %s; its requests 201-400: %s; its rest: %s;"
                            + " %s (warm) in the same %d ms as the first 400: %s",
                    newNode.name(),
                    summary(fresh.subList(0, 200)),
                    summary(fresh.subList(200, 400)),
                    summary(fresh.subList(400, fresh.size())),
                    warmNode.name(),
                    Duration.between(from, to).toMillis(),
                    warm.isEmpty() ? "none" : summary(warm));
        }
        Map<String, Long> counts = new TreeMap<>();
        traffic.counts.forEach((name, count) -> counts.put(name, count.get()));
        line("answers: %s", counts);
        line("prints requested %d; failures %d", traffic.printsRequested.size(), traffic.failures.size());
    }

    private static String summary(List<UpstreamLog.Entry> entries) {
        List<Double> sorted = entries.stream()
                .map(UpstreamLog.Entry::upstreamSeconds)
                .sorted(Comparator.naturalOrder())
                .toList();
        return "median %.1f ms, p99 %.1f ms, max %.1f ms"
                .formatted(
                        1000 * sorted.get(sorted.size() / 2),
                        1000 * sorted.get((int) (sorted.size() * 0.99)),
                        1000 * sorted.getLast());
    }

    private String since(NodeProcess node, Instant instant) {
        return Duration.between(started.get(node), instant).toMillis() + " ms";
    }

    private void line(String format, Object... arguments) {
        String line = format.formatted(arguments);
        System.out.println("ScaleOutAndInIT: " + line);
    }
}
