package org.ticketoverflow.jobs;

/**
 * Does the work of one kind of job; declare one Spring bean per kind.
 *
 * <p>A job may be handled more than once (a worker that dies or stalls past its lease loses the job to another),
 * so handling must be idempotent. A thrown exception is retried with exponential backoff until
 * {@code ticketoverflow.jobs.max-attempts}, then the job is kept as FAILED.
 */
public interface JobHandler {

    /** The kind of job this handler does, as in {@link NewJob#kind()}. */
    String kind();

    JobResult handle(Job job);
}
