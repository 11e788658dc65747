package org.ticketoverflow.jobs;

/**
 * Does the work of one kind of job; declare one Spring bean per kind.
 *
 * <p>A job may be handled more than once (a worker that dies or stalls past its lease loses the job to another),
 * so handling must be idempotent. A thrown exception, like {@link JobResult#retry}, is retried under the queue's
 * one retry policy ({@link JobsSettings#backoff}, up to {@code ticketoverflow.jobs.max-attempts}).
 */
public interface JobHandler {

    /** The kind of job this handler does, as in {@link NewJob#kind()}. */
    String kind();

    JobResult handle(Job job);

    /**
     * The job has ended for good without being done, whichever way: the handler said so, it used up its attempts,
     * or its lease expired on its last attempt. Runs in the transaction that marks the job FAILED (both happen or
     * neither), so whatever the job promised can be settled here, e.g. a ticket leaves PENDING. Failed jobs are
     * only ever deleted after this ran. Must not call out of the database.
     */
    default void givenUp(Job job, String reason) {}
}
