package org.ticketoverflow.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's own periodic duties (run like every other {@link PeriodicDuty}): take back jobs whose lease expired
 * (giving up those on their last attempt), delete FAILED jobs past their retention, and refresh the depth and
 * predicted-miss gauges. Each is conditional SQL, so every node may run it at once.
 */
final class QueueUpkeep {

    private static final Logger log = LoggerFactory.getLogger(QueueUpkeep.class);
    // the forecast looks this far down the queue; beyond it, predictions would be guesses anyway
    static final int FORECAST_DEPTH = 10_000;

    private final Claims claims;
    private final Jobs jobs;
    private final RunTimes runTimes;
    private final JobRunner runner;
    private final JobMetrics metrics;
    private final Wakeup wakeup;
    private final JobsDatabase database;
    private final JobsSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int slots;

    QueueUpkeep(
            Claims claims,
            Jobs jobs,
            RunTimes runTimes,
            JobRunner runner,
            JobMetrics metrics,
            Wakeup wakeup,
            JobsDatabase database,
            JobsSettings settings,
            TransactionTemplate transactions,
            Clock clock,
            int slots) {
        this.claims = claims;
        this.jobs = jobs;
        this.runTimes = runTimes;
        this.runner = runner;
        this.metrics = metrics;
        this.wakeup = wakeup;
        this.database = database;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.slots = slots;
    }

    List<PeriodicDuty> duties() {
        return List.of(
                PeriodicDuty.onWorkers(
                        "taking back expired leases", settings.sweepInterval(), this::sweepExpiredLeases),
                PeriodicDuty.onWorkers("deleting old failed jobs", settings.cleanupInterval(), this::deleteOldFailures),
                PeriodicDuty.onEveryNode(
                        "refreshing the queue gauges", settings.metricsInterval(), this::refreshMetrics));
    }

    /**
     * Gives up the jobs whose lease expired on their last attempt (their handler is told, see
     * {@link JobHandler#givenUp}), and puts the others back in the queue.
     *
     * @return how many jobs were given up or put back
     */
    int sweepExpiredLeases() {
        Instant now = clock.instant();
        Integer givenUp = transactions.execute(status -> {
            int count = 0;
            for (ClaimedJob expired : claims.lockExpiredForGood(runner.kinds(), now, settings.maxAttempts())) {
                if (runner.giveUp(expired, "lease of " + expired.owner() + " expired on its last attempt", now)) {
                    count++;
                }
            }
            return count;
        });
        int requeued = claims.requeueExpired(now, settings.maxAttempts());
        if (requeued > 0) {
            log.warn("Took back {} jobs whose lease expired", requeued);
            if (database.postgres()) {
                jobs.notifyListeners();
            }
            wakeup.signal();
        }
        return requeued + (givenUp == null ? 0 : givenUp);
    }

    int deleteOldFailures() {
        int deleted = jobs.deleteFailedBefore(clock.instant().minus(settings.failedRetention()));
        if (deleted > 0) {
            log.info("Deleted {} failed jobs older than {}", deleted, settings.failedRetention());
        }
        return deleted;
    }

    void refreshMetrics() {
        metrics.queued(jobs.countWaitingByKind());
        MissForecast forecast = jobs.forecast(FORECAST_DEPTH);
        List<String> kinds = forecast.waiting().stream()
                .map(MissForecast.Waiting::kind)
                .distinct()
                .toList();
        metrics.predictedMisses(
                forecast.misses(runTimes.expected(kinds), runTimes.initial(), Math.max(1, slots), clock.instant()));
    }
}
