package org.ticketoverflow.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * This node's workers: up to {@code slots} jobs at a time. One dispatcher thread claims as many due jobs as there
 * are free slots, least slack first ({@link Claims#claim}), in one transaction, and hands each to a slot thread; a heartbeat extends the leases of running
 * jobs so a long render is not taken over. The dispatcher sleeps until rung (see {@link Wakeup}), until the next
 * job falls due, or for the poll interval at most.
 *
 * <p>Stopping stops claiming, gives running jobs {@code shutdownGrace} to finish, then hands the rest back to the
 * queue and interrupts them. Hazard: a handler that never returns keeps its slot, and through the heartbeat its
 * lease, until shutdown; handlers must bound their own work.
 */
final class Workers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);
    private static final Duration CONTENDED_PAUSE = Duration.ofMillis(50);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    private final Claims claims;
    private final Jobs jobs;
    private final JobRunner runner;
    private final RunTimes runTimes;
    private final Wakeup wakeup;
    private final JobsSettings settings;
    private final Clock clock;
    private final String node;
    private final int slots;
    private final boolean autoStartup;
    private final Object lifecycle = new Object();
    private volatile Shift shift;

    Workers(
            Claims claims,
            Jobs jobs,
            JobRunner runner,
            RunTimes runTimes,
            Wakeup wakeup,
            JobsSettings settings,
            Clock clock,
            String node,
            int slots,
            boolean autoStartup) {
        this.claims = claims;
        this.jobs = jobs;
        this.runner = runner;
        this.runTimes = runTimes;
        this.clock = clock;
        this.wakeup = wakeup;
        this.settings = settings;
        this.node = node;
        this.slots = slots;
        this.autoStartup = autoStartup;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (shift != null) {
                return;
            }
            Shift started = new Shift(slots, wakeup.register());
            started.heartbeats.scheduleWithFixedDelay(
                    () -> heartbeat(started),
                    settings.heartbeat().toMillis(),
                    settings.heartbeat().toMillis(),
                    TimeUnit.MILLISECONDS);
            started.dispatcher =
                    Thread.ofPlatform().name("jobs-dispatcher").daemon().start(() -> dispatch(started));
            shift = started;
            log.info("Job workers started: {} slots as node {}", slots, node);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            Shift ending = shift;
            if (ending == null) {
                return;
            }
            shift = null;
            end(ending);
        }
    }

    @Override
    public boolean isRunning() {
        return shift != null;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    private void dispatch(Shift current) {
        while (current.active) {
            Duration pause;
            try {
                pause = claimAndStart(current);
            } catch (ConcurrencyFailureException e) {
                pause = CONTENDED_PAUSE;
            } catch (RuntimeException e) {
                log.warn("Claiming jobs failed; trying again in {}", ERROR_PAUSE, e);
                pause = ERROR_PAUSE;
            }
            try {
                current.doorbell.await(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return how long to wait before claiming again, unless rung */
    private Duration claimAndStart(Shift current) {
        int wanted = current.free.availablePermits();
        if (wanted == 0) {
            return settings.poll(); // a slot rings when it frees up
        }
        List<ClaimedJob> claimed = claims.claim(
                node, runner.kinds(), runTimes.expected(runner.kinds()), wanted, clock.instant(), settings.lease());
        claimed.forEach(job -> current.run(job, () -> runner.run(job)));
        return claimed.size() == wanted ? Duration.ZERO : untilNextDue();
    }

    private Duration untilNextDue() {
        Optional<Instant> next = jobs.earliestRunAt(runner.kinds());
        if (next.isEmpty()) {
            return settings.poll();
        }
        Duration wait = Duration.between(clock.instant(), next.get());
        if (!wait.isPositive()) {
            return CONTENDED_PAUSE; // due, yet held by a concurrent claim that may still roll back
        }
        return wait.compareTo(settings.poll()) < 0 ? wait : settings.poll();
    }

    private void heartbeat(Shift current) {
        try {
            claims.extendLeases(
                    node, List.copyOf(current.running.keySet()), clock.instant().plus(settings.lease()));
        } catch (RuntimeException e) {
            log.warn("Extending the leases of running jobs failed; trying again at the next heartbeat", e);
        }
    }

    private void end(Shift ending) {
        Instant deadline = Instant.now().plus(settings.shutdownGrace());
        ending.active = false;
        ending.doorbell.ring();
        wakeup.unregister(ending.doorbell);
        try {
            ending.dispatcher.join(remaining(deadline));
            ending.dispatcher.interrupt();
            ending.slotThreads.shutdown();
            if (!ending.slotThreads.awaitTermination(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS)) {
                releaseUnfinished(ending);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            releaseUnfinished(ending);
        } finally {
            ending.slotThreads.shutdownNow();
            ending.heartbeats.shutdownNow();
        }
        log.info("Job workers of node {} stopped", node);
    }

    private void releaseUnfinished(Shift ending) {
        List<Long> unfinished = List.copyOf(ending.running.keySet());
        try {
            int released = claims.release(node, unfinished);
            log.info("Handed {} unfinished jobs back to the queue: {}", released, unfinished);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not hand back unfinished jobs {}; they will be taken again when their lease expires",
                    unfinished,
                    e);
        }
        ending.slotThreads.shutdownNow();
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
