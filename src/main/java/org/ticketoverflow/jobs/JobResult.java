package org.ticketoverflow.jobs;

/**
 * What became of a job: done (removed), to be tried again, or failed for good (kept for operators). How long a
 * retry waits, and when retrying ends, is the queue's one retry policy ({@link JobsSettings#backoff}), the same
 * for every kind; a handler only says whether trying again may help.
 */
public sealed interface JobResult {

    static Done done() {
        return new Done();
    }

    /**
     * Queues the job again after the queue's backoff, or fails it for good (telling its handler, see
     * {@link JobHandler#givenUp}) once it has used its attempts. Its dedupe key is not restored.
     */
    static Retry retry(String reason) {
        return new Retry(reason);
    }

    static Failed failed(String reason) {
        return new Failed(reason);
    }

    record Done() implements JobResult {}

    record Retry(String reason) implements JobResult {}

    record Failed(String reason) implements JobResult {}
}
