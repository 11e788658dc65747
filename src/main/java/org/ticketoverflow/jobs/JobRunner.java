package org.ticketoverflow.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed job through its handler and records the outcome under the queue's one retry policy
 * ({@link JobsSettings#backoff}). Every outcome is conditional on the claim still being ours, so a worker that
 * stalled past its lease cannot delete or requeue the job its successor holds. A job that ends for good without
 * being done is {@linkplain #giveUp given up}: marked FAILED and its handler told, in one transaction.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Map<String, JobHandler> handlers;
    private final Claims claims;
    private final RunTimes runTimes;
    private final JobsSettings settings;
    private final JobMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JobRunner(
            Stream<JobHandler> handlers,
            Claims claims,
            RunTimes runTimes,
            JobsSettings settings,
            JobMetrics metrics,
            TransactionTemplate transactions,
            Clock clock) {
        this.handlers =
                handlers.collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity(), (one, other) -> {
                    throw new IllegalStateException("two handlers for job kind " + one.kind() + ": "
                            + one.getClass().getName() + " and "
                            + other.getClass().getName());
                }));
        this.claims = claims;
        this.runTimes = runTimes;
        this.settings = settings;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The kinds this node has handlers for, and so may claim. */
    Set<String> kinds() {
        return handlers.keySet();
    }

    void run(ClaimedJob claimed) {
        Instant started = clock.instant();
        metrics.claimed(claimed, Duration.between(claimed.due(), started));
        JobResult result = handle(claimed);
        Instant now = clock.instant();
        String reason = switch (result) {
            case JobResult.Done done -> null;
            case JobResult.Retry retry -> truncate(retry.reason());
            case JobResult.Failed failed -> truncate(failed.reason());
        };
        boolean lastAttempt = claimed.attempts() >= settings.maxAttempts();
        boolean recorded;
        String outcome;
        if (result instanceof JobResult.Done) {
            recorded = claims.complete(claimed);
            outcome = JobMetrics.DONE;
            if (recorded) {
                runTimes.learn(claimed.kind(), Duration.between(started, now), now);
                metrics.finished(claimed, now);
            }
        } else if (result instanceof JobResult.Retry && !lastAttempt) {
            Duration backoff = settings.backoff(claimed.attempts());
            log.warn(
                    "Job {} ({} {}) attempt {} did not succeed, retrying in {}: {}",
                    claimed.id(),
                    claimed.kind(),
                    claimed.job().subject(),
                    claimed.attempts(),
                    backoff,
                    reason);
            recorded = claims.reschedule(claimed, now.plus(backoff), reason);
            outcome = JobMetrics.RETRY;
        } else {
            recorded = giveUp(claimed, reason, now);
            outcome = JobMetrics.FAILED;
        }
        if (recorded) {
            metrics.completed(claimed.kind(), outcome);
        } else {
            log.warn(
                    "Job {} ({}) lost its lease before finishing; its outcome {} was dropped",
                    claimed.id(),
                    claimed.kind(),
                    result);
        }
    }

    /**
     * Marks the job FAILED and tells its handler, in one transaction; false (and nothing changed) if the claim is
     * no longer ours.
     */
    boolean giveUp(ClaimedJob claimed, String reason, Instant now) {
        log.error(
                "Job {} ({} {}) failed for good after {} attempts: {}",
                claimed.id(),
                claimed.kind(),
                claimed.job().subject(),
                claimed.attempts(),
                reason);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!claims.fail(claimed, now, truncate(reason))) {
                return false;
            }
            JobHandler handler = handlers.get(claimed.kind());
            if (handler != null) {
                handler.givenUp(claimed.job(), reason);
            }
            return true;
        }));
    }

    private JobResult handle(ClaimedJob claimed) {
        JobHandler handler = handlers.get(claimed.kind());
        if (handler == null) {
            return JobResult.failed("no handler for job kind " + claimed.kind());
        }
        try {
            JobResult result = handler.handle(claimed.job());
            return result == null ? JobResult.failed(handler.getClass().getName() + " returned no result") : result;
        } catch (RuntimeException e) {
            log.debug("Job {} ({}) threw on attempt {}", claimed.id(), claimed.kind(), claimed.attempts(), e);
            return JobResult.retry(e.toString());
        }
    }

    private static String truncate(String reason) {
        if (reason == null || reason.length() <= MAX_ERROR_LENGTH) {
            return reason;
        }
        return reason.substring(0, MAX_ERROR_LENGTH);
    }
}
