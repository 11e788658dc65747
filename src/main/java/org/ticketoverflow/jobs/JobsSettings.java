package org.ticketoverflow.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the job queue ({@code TICKETOVERFLOW_JOBS_*}).
 *
 * @param lease           how long a claim lasts without a heartbeat; a dead worker's job waits this long
 * @param heartbeat       how often a worker extends the leases of the jobs it runs; well below {@code lease}
 * @param poll            the safety-net poll when no wake-up arrives
 * @param sweepInterval   how often expired leases are looked for
 * @param retryBackoff    the delay before the first retry of a job (its handler threw or asked to retry);
 *                        doubles per attempt: the one retry policy of every job kind, see {@link #backoff}
 * @param retryBackoffMax the cap on that delay
 * @param maxAttempts     claims after which a retrying (or lease-losing) job is kept as FAILED and its handler
 *                        is told ({@link JobHandler#givenUp})
 * @param failedRetention how long FAILED jobs are kept for operators
 * @param cleanupInterval how often old FAILED jobs are deleted
 * @param shutdownGrace   how long running jobs may finish on shutdown before they are handed back to the queue
 * @param metricsInterval how often the queue depth and predicted-miss gauges are refreshed
 * @param initialRunTime  the expected run time of a kind before any run of it was measured (then an average of
 *                        measured runs takes over, see {@code RunTimes})
 */
@ConfigurationProperties("ticketoverflow.jobs")
record JobsSettings(
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("5s") Duration poll,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("5m") Duration retryBackoffMax,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("7d") Duration failedRetention,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("20s") Duration shutdownGrace,
        @DefaultValue("5s") Duration metricsInterval,
        @DefaultValue("5s") Duration initialRunTime) {

    JobsSettings {
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("ticketoverflow.jobs.heartbeat (" + heartbeat
                    + ") must be shorter than ticketoverflow.jobs.lease (" + lease + ")");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ticketoverflow.jobs.max-attempts must be at least 1");
        }
    }

    /**
     * The retry policy, for every kind: after attempt n (1-based) failed, wait {@code retryBackoff × 2^(n-1)}, at
     * most {@code retryBackoffMax}; after attempt {@code maxAttempts} give up.
     */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = retryBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : delay;
    }
}
