package org.ticketoverflow.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue's meters. The depth and predicted-miss gauges show the last periodic count (see {@link QueueUpkeep}),
 * so a scrape never costs a query. {@code ticketoverflow.jobs.deadline.missed} counts what was observed: jobs done
 * after their deadline.
 */
final class JobMetrics {

    static final String DONE = "done";
    static final String RETRY = "retry";
    static final String FAILED = "failed";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> queued = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> predictedMisses = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry, Collection<String> knownKinds) {
        this.registry = registry;
        knownKinds.forEach(kind -> {
            queuedGauge(kind);
            missGauge(kind);
        });
    }

    /** A job was done at {@code now}: counts it as a missed deadline if it was late. */
    void finished(ClaimedJob job, Instant now) {
        Counter missed = Counter.builder("ticketoverflow.jobs.deadline.missed")
                .description("Jobs done after their deadline")
                .tag("kind", job.kind())
                .register(registry);
        if (now.isAfter(job.deadline())) {
            missed.increment();
        }
    }

    /** Sets the predicted-miss gauges (see {@link MissForecast}); kinds absent are predicted to miss none. */
    void predictedMisses(Map<String, Long> byKind) {
        byKind.keySet().forEach(this::missGauge);
        predictedMisses.forEach((kind, misses) -> misses.set(byKind.getOrDefault(kind, 0L)));
    }

    private AtomicLong missGauge(String kind) {
        return predictedMisses.computeIfAbsent(kind, k -> {
            AtomicLong misses = new AtomicLong();
            Gauge.builder("ticketoverflow.jobs.predicted.misses", misses, AtomicLong::doubleValue)
                    .description("Waiting jobs predicted to finish after their deadline, given the expected run "
                            + "times and the worker slots")
                    .tag("kind", k)
                    .register(registry);
            return misses;
        });
    }

    void claimed(ClaimedJob job, Duration wait) {
        Timer.builder("ticketoverflow.jobs.wait")
                .description("Time from a job being due to being claimed")
                .tag("kind", job.kind())
                .register(registry)
                .record(wait.isNegative() ? Duration.ZERO : wait);
    }

    void completed(String kind, String outcome) {
        Counter.builder("ticketoverflow.jobs.completed")
                .description("Jobs handled, by outcome")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** Sets the depth gauges; kinds absent from {@code waitingByKind} have none waiting. */
    void queued(Map<String, Long> waitingByKind) {
        waitingByKind.keySet().forEach(this::queuedGauge);
        queued.forEach((kind, depth) -> depth.set(waitingByKind.getOrDefault(kind, 0L)));
    }

    private AtomicLong queuedGauge(String kind) {
        return queued.computeIfAbsent(kind, k -> {
            AtomicLong depth = new AtomicLong();
            Gauge.builder("ticketoverflow.jobs.queued", depth, AtomicLong::doubleValue)
                    .description("Jobs waiting to be claimed")
                    .tag("kind", k)
                    .register(registry);
            return depth;
        });
    }
}
