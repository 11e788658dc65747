package org.ticketoverflow.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job through its handler and records the outcome. Every outcome is conditional on the claim
 * still being ours, so a worker that stalled past its lease cannot delete or requeue the job its successor holds.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Map<String, JobHandler> handlers;
    private final Claims claims;
    private final JobsSettings settings;
    private final JobMetrics metrics;

    JobRunner(Stream<JobHandler> handlers, Claims claims, JobsSettings settings, JobMetrics metrics) {
        this.handlers =
                handlers.collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity(), (one, other) -> {
                    throw new IllegalStateException("two handlers for job kind " + one.kind() + ": "
                            + one.getClass().getName() + " and "
                            + other.getClass().getName());
                }));
        this.claims = claims;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** The kinds this node has handlers for, and so may claim. */
    Set<String> kinds() {
        return handlers.keySet();
    }

    void run(ClaimedJob claimed) {
        metrics.claimed(claimed, Duration.between(claimed.due(), Instant.now()));
        JobResult result = handle(claimed);
        Instant now = Instant.now();
        boolean recorded = switch (result) {
            case JobResult.Done done -> claims.complete(claimed);
            case JobResult.RetryLater retry ->
                claims.reschedule(claimed, now.plus(retry.delay()), truncate(retry.reason()));
            case JobResult.Failed failed -> claims.fail(claimed, now, truncate(failed.reason()));
        };
        if (recorded) {
            metrics.completed(claimed.kind(), outcome(result));
        } else {
            log.warn(
                    "Job {} ({}) lost its lease before finishing; its outcome {} was dropped",
                    claimed.id(),
                    claimed.kind(),
                    result);
        }
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
            String error = e.toString();
            if (claimed.attempts() >= settings.maxAttempts()) {
                log.error(
                        "Job {} ({} {}) failed for good after {} attempts",
                        claimed.id(),
                        claimed.kind(),
                        claimed.job().subject(),
                        claimed.attempts(),
                        e);
                return JobResult.failed(error);
            }
            Duration backoff = settings.backoff(claimed.attempts());
            log.warn(
                    "Job {} ({} {}) failed on attempt {}, retrying in {}: {}",
                    claimed.id(),
                    claimed.kind(),
                    claimed.job().subject(),
                    claimed.attempts(),
                    backoff,
                    error);
            return JobResult.retryLater(backoff, error);
        }
    }

    private static String outcome(JobResult result) {
        return switch (result) {
            case JobResult.Done done -> JobMetrics.DONE;
            case JobResult.RetryLater retry -> JobMetrics.RETRY;
            case JobResult.Failed failed -> JobMetrics.FAILED;
        };
    }

    private static String truncate(String reason) {
        if (reason == null || reason.length() <= MAX_ERROR_LENGTH) {
            return reason;
        }
        return reason.substring(0, MAX_ERROR_LENGTH);
    }
}
