package org.ticketoverflow.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue's meters. The depth gauge shows the last periodic count (see {@link Housekeeping}), so a scrape never
 * costs a query.
 */
final class JobMetrics {

    static final String DONE = "done";
    static final String RETRY = "retry";
    static final String FAILED = "failed";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> queued = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry, Collection<String> knownKinds) {
        this.registry = registry;
        knownKinds.forEach(this::queuedGauge);
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
