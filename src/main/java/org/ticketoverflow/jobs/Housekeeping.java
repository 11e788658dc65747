package org.ticketoverflow.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Periodic upkeep of the queue: refreshes the depth gauge (every node) and, on worker nodes, puts jobs whose lease
 * expired back in the queue and deletes FAILED jobs past their retention. Every node may run these at once: each
 * is a single conditional statement, so running it twice changes nothing.
 */
final class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final Claims claims;
    private final Jobs jobs;
    private final JobMetrics metrics;
    private final Wakeup wakeup;
    private final JobsDatabase database;
    private final JobsSettings settings;
    private final boolean worker;
    private volatile ScheduledExecutorService timer;

    Housekeeping(
            Claims claims,
            Jobs jobs,
            JobMetrics metrics,
            Wakeup wakeup,
            JobsDatabase database,
            JobsSettings settings,
            boolean worker) {
        this.claims = claims;
        this.jobs = jobs;
        this.metrics = metrics;
        this.wakeup = wakeup;
        this.database = database;
        this.settings = settings;
        this.worker = worker;
    }

    /** Puts jobs whose worker stopped renewing its lease back in the queue (or FAILED, past max attempts). */
    int sweepExpiredLeases() {
        int requeued = claims.requeueExpired(Instant.now(), settings.maxAttempts());
        if (requeued > 0) {
            log.warn("Took back {} jobs whose lease expired", requeued);
            if (database.postgres()) {
                jobs.notifyListeners();
            }
            wakeup.signal();
        }
        return requeued;
    }

    int deleteOldFailures() {
        int deleted = jobs.deleteFailedBefore(Instant.now().minus(settings.failedRetention()));
        if (deleted > 0) {
            log.info("Deleted {} failed jobs older than {}", deleted, settings.failedRetention());
        }
        return deleted;
    }

    void refreshMetrics() {
        metrics.queued(jobs.countWaitingByKind());
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("jobs-housekeeping").daemon().factory());
        every(started, settings.metricsInterval(), "refreshing the queue depth", this::refreshMetrics);
        if (worker) {
            every(started, settings.sweepInterval(), "sweeping expired leases", this::sweepExpiredLeases);
            every(started, settings.cleanupInterval(), "deleting old failed jobs", this::deleteOldFailures);
        }
        timer = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = timer;
        timer = null;
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private static void every(ScheduledExecutorService timer, Duration interval, String task, Runnable work) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        log.warn("Job queue housekeeping failed {}; trying again in {}", task, interval, e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
