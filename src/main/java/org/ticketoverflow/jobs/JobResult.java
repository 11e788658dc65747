package org.ticketoverflow.jobs;

import java.time.Duration;
import java.util.Objects;

/** What became of a job: done (removed), to be retried later, or failed for good (kept for operators). */
public sealed interface JobResult {

    static Done done() {
        return new Done();
    }

    /** Queues the job again, due after {@code delay}; its dedupe key is not restored. */
    static RetryLater retryLater(Duration delay, String reason) {
        return new RetryLater(delay, reason);
    }

    static Failed failed(String reason) {
        return new Failed(reason);
    }

    record Done() implements JobResult {}

    record RetryLater(Duration delay, String reason) implements JobResult {
        public RetryLater {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    record Failed(String reason) implements JobResult {}
}
