package org.ticketoverflow.seating;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.ticketoverflow.concerts.Concert;
import org.ticketoverflow.concerts.ConcertCreated;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.jobs.JobQueue;
import org.ticketoverflow.jobs.NewJob;
import org.ticketoverflow.jobs.PeriodicDuty;

/**
 * Finds seating plans that no longer match their concert and queues one render per concert. Purchases do not
 * touch seating at all (the hot path stays one row and one insert); the sweep, a periodic duty of worker nodes,
 * compares each concert's sold count and version with what its plan shows. The job's dedupe key keeps at most
 * one render per concert queued, so every node may sweep; a render of a concert is not due before
 * {@code minInterval} after its previous one.
 *
 * <p>Deadlines (what the scheduler orders by): a stale plan is due {@link #STALENESS_BOUND} after it went stale,
 * the promise of API.md. A first plan that nobody has asked for and that no purchase has changed (a new concert,
 * no seat sold) is due {@link #UNREQUESTED_BOUND} after creation: it may wait behind work somebody is waiting for.
 * A client asking for a plan that does not exist yet ({@link #requested}) tightens that to
 * {@link #REQUESTED_BOUND} from its request.
 */
@Component
class SeatingSweep {

    static final String SEATING_KIND = "seating";
    static final Duration STALENESS_BOUND = Duration.ofMinutes(3);
    static final Duration UNREQUESTED_BOUND = Duration.ofHours(1);
    static final Duration REQUESTED_BOUND = Duration.ofSeconds(30);

    private final Concerts concerts;
    private final SeatingPlans plans;
    private final JobQueue jobs;
    private final SeatingSettings settings;
    private final Clock clock;
    private final AtomicLong worstStalenessMillis = new AtomicLong();
    // when this node last compared every concert with its plan; null before its first sweep
    private volatile Instant lastSweep;

    SeatingSweep(
            Concerts concerts,
            SeatingPlans plans,
            JobQueue jobs,
            SeatingSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.concerts = concerts;
        this.plans = plans;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("ticketoverflow.seating.staleness", worstStalenessMillis, ms -> ms.get() / 1000.0)
                .description("how long the stalest seating plan has lagged its concert, seconds")
                .baseUnit("seconds")
                .register(meters);
    }

    @Bean
    static PeriodicDuty seatingSweepDuty(SeatingSettings settings, SeatingSweep sweep) {
        return PeriodicDuty.onWorkers("looking for stale seating plans", settings.sweepInterval(), sweep::sweep);
    }

    /**
     * The first plan of a new concert is queued in the transaction that creates the concert: both commit or
     * neither does (the sweep would queue it too, this only saves a sweep interval).
     */
    @EventListener
    void on(ConcertCreated created) {
        plans.addPlaceholder(created.concertId());
        Instant now = clock.instant();
        jobs.enqueue(job(created.concertId(), now, now.plus(UNREQUESTED_BOUND)));
    }

    /** Somebody is waiting for the first plan of this concert: it is due soon. */
    void requested(String concertId) {
        jobs.hasten(dedupeKey(concertId), clock.instant().plus(REQUESTED_BOUND));
    }

    void sweep() {
        Instant now = clock.instant();
        Map<String, SeatingPlans.PlanState> shown = new HashMap<>();
        plans.all().forEach(plan -> shown.put(plan.concertId(), plan));
        for (Concert concert : concerts.all()) {
            SeatingPlans.PlanState plan = shown.get(concert.id());
            if (plan == null) {
                plans.addPlaceholder(concert.id());
                jobs.enqueueUnique(job(concert.id(), now, deadline(null, concert, now)));
            } else if (renderingNow(plan, now)) {
                continue;
            } else if (plan.renderedAt() == null
                    || plan.sold() != concert.sold()
                    || plan.concertVersion() != concert.version()) {
                Instant staleSince = plan.staleSince() != null ? plan.staleSince() : currentAtTheLatest(plan);
                plans.markStale(concert.id(), staleSince);
                Instant due = plan.renderedAt() == null
                        ? now
                        : later(now, plan.renderedAt().plus(settings.minInterval()));
                jobs.enqueueUnique(job(concert.id(), due, deadline(plan, concert, staleSince)));
            }
        }
        lastSweep = now;
        worstStalenessMillis.set(plans.worstStaleSince()
                .map(since -> Duration.between(since, now).toMillis())
                .orElse(0L));
    }

    /**
     * The latest moment the plan is known to have matched its concert: this node's previous sweep if that saw the
     * plan rendered (a sweep that found it current did not mark it), else when the plan was rendered. Never later
     * than the change, so staleness measured from it is an upper bound, never an understatement.
     */
    private Instant currentAtTheLatest(SeatingPlans.PlanState plan) {
        Instant previous = lastSweep;
        if (plan.renderedAt() == null) {
            return previous == null ? clock.instant() : previous;
        }
        return previous != null && previous.isAfter(plan.renderedAt()) ? previous : plan.renderedAt();
    }

    private static Instant deadline(SeatingPlans.PlanState plan, Concert concert, Instant staleSince) {
        boolean unrequestedFirstPlan = (plan == null || plan.renderedAt() == null) && concert.sold() == 0;
        return staleSince.plus(unrequestedFirstPlan ? UNREQUESTED_BOUND : STALENESS_BOUND);
    }

    /**
     * A worker is drawing this plan: queueing another render now would only draw it twice at once. A render that
     * has run for longer than {@code renderTimeout} is presumed dead (its job is retried after its lease anyway).
     */
    private boolean renderingNow(SeatingPlans.PlanState plan, Instant now) {
        return plan.renderingSince() != null
                && plan.renderingSince().plus(settings.renderTimeout()).isAfter(now);
    }

    private static NewJob job(String concertId, Instant due, Instant deadline) {
        return new NewJob(SEATING_KIND, concertId, concertId, 0, due, deadline, dedupeKey(concertId));
    }

    private static String dedupeKey(String concertId) {
        return SEATING_KIND + ":" + concertId;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
