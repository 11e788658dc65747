package org.ticketoverflow.seating;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.ticketoverflow.concerts.Concert;
import org.ticketoverflow.concerts.ConcertCreated;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.jobs.JobQueue;
import org.ticketoverflow.jobs.NewJob;
import org.ticketoverflow.web.NodeRoles;

/**
 * Finds seating plans that no longer match their concert and queues one render per concert. Purchases do not
 * touch seating at all (the hot path stays one row and one insert); the sweep compares each concert's sold count
 * and version with what its plan shows. The job's dedupe key keeps at most one render per concert queued, so
 * every node may sweep; a render of a concert is not due before {@code minInterval} after its previous one.
 */
@Component
class SeatingSweep {

    static final String SEATING_KIND = "seating";
    static final int SEATING_LANE = 0;

    private final Concerts concerts;
    private final SeatingPlans plans;
    private final JobQueue jobs;
    private final SeatingSettings settings;
    private final boolean worker;
    private final AtomicLong worstStalenessMillis = new AtomicLong();
    private volatile Instant lastSweep = Instant.now();

    SeatingSweep(
            Concerts concerts,
            SeatingPlans plans,
            JobQueue jobs,
            SeatingSettings settings,
            NodeRoles roles,
            MeterRegistry meters) {
        this.concerts = concerts;
        this.plans = plans;
        this.jobs = jobs;
        this.settings = settings;
        this.worker = roles.worker();
        Gauge.builder("ticketoverflow.seating.staleness", worstStalenessMillis, ms -> ms.get() / 1000.0)
                .description("how long the stalest seating plan has lagged its concert, seconds")
                .baseUnit("seconds")
                .register(meters);
    }

    /** The first plan of a new concert is queued at once rather than at the next sweep. */
    @Async
    @TransactionalEventListener
    void on(ConcertCreated created) {
        plans.addPlaceholder(created.concertId());
        Instant now = Instant.now();
        queue(created.concertId(), now, now);
    }

    @Scheduled(fixedDelayString = "${ticketoverflow.seating.sweep-interval:2s}")
    void sweep() {
        if (!worker) {
            return;
        }
        Instant now = Instant.now();
        Map<String, SeatingPlans.PlanState> shown = new HashMap<>();
        plans.all().forEach(plan -> shown.put(plan.concertId(), plan));
        for (Concert concert : concerts.all()) {
            SeatingPlans.PlanState plan = shown.get(concert.id());
            if (plan == null) {
                plans.addPlaceholder(concert.id());
                queue(concert.id(), now, now);
            } else if (renderingNow(plan, now)) {
                continue;
            } else if (plan.renderedAt() == null
                    || plan.sold() != concert.sold()
                    || plan.concertVersion() != concert.version()) {
                // it was current at the previous sweep at the latest: an upper bound, never an understatement
                plans.markStale(concert.id(), lastSweep);
                Instant due = plan.renderedAt() == null
                        ? now
                        : later(now, plan.renderedAt().plus(settings.minInterval()));
                queue(concert.id(), due, plan.staleSince() == null ? lastSweep : plan.staleSince());
            }
        }
        lastSweep = now;
        worstStalenessMillis.set(plans.worstStaleSince()
                .map(since -> Duration.between(since, now).toMillis())
                .orElse(0L));
    }

    /**
     * A worker is drawing this plan: queueing another render now would only draw it twice at once. A render that
     * has run for longer than {@code renderTimeout} is presumed dead (its job is retried after its lease anyway).
     */
    private boolean renderingNow(SeatingPlans.PlanState plan, Instant now) {
        return plan.renderingSince() != null
                && plan.renderingSince().plus(settings.renderTimeout()).isAfter(now);
    }

    /** Among due plans the stalest is drawn first, so no concert's plan waits behind the others' re-renders. */
    private void queue(String concertId, Instant due, Instant staleSince) {
        jobs.enqueueUnique(new NewJob(
                SEATING_KIND,
                concertId,
                concertId,
                SEATING_LANE,
                staleSince.getEpochSecond(),
                due,
                SEATING_KIND + ":" + concertId));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
