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
 * @param retryBackoff    the delay before the first retry of a job whose handler threw; doubles per attempt
 * @param retryBackoffMax the cap on that delay
 * @param maxAttempts     claims after which a throwing (or lease-losing) job is kept as FAILED
 * @param failedRetention how long FAILED jobs are kept for operators
 * @param cleanupInterval how often old FAILED jobs are deleted
 * @param shutdownGrace   how long running jobs may finish on shutdown before they are handed back to the queue
 * @param metricsInterval how often the queue depth gauge is refreshed
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
        @DefaultValue("5s") Duration metricsInterval) {

    JobsSettings {
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("ticketoverflow.jobs.heartbeat (" + heartbeat
                    + ") must be shorter than ticketoverflow.jobs.lease (" + lease + ")");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ticketoverflow.jobs.max-attempts must be at least 1");
        }
    }

    /** The delay before retrying after the given (1-based) attempt threw. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = retryBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : delay;
    }
}
