package org.ticketoverflow.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The durable job queue. Among the jobs whose {@code runAt} has come, workers take the one with the least slack
 * ({@code deadline - now - expected run time of its kind}), ties first come, first served; each is handled by the
 * {@link JobHandler} bean of its kind, at least once.
 */
public interface JobQueue {

    /**
     * Adds a job in the caller's transaction (joins it, or runs in one of its own); workers are woken after
     * commit, and a rollback leaves nothing behind. A non-null {@code dedupeKey} that a waiting job already holds
     * makes this fail with a {@code DuplicateKeyException}; use {@link #enqueueUnique} to dedupe.
     */
    void enqueue(NewJob job);

    /**
     * Adds the job unless one with the same {@code dedupeKey} is waiting (not yet claimed); if one is, its
     * deadline moves to this job's deadline when that is earlier. Runs in its own transaction, so it never aborts
     * the caller's and commits even if the caller's rolls back; it takes a second pooled connection when called
     * inside a transaction.
     *
     * @return true if the job was added
     */
    boolean enqueueUnique(NewJob job);

    /** Moves the deadline of the waiting job holding {@code dedupeKey} to {@code deadline} if that is earlier. */
    boolean hasten(String dedupeKey, Instant deadline);

    /**
     * Gives the waiting jobs of a group whose {@link NewJob#basis} is not {@code basis} that basis and a new
     * deadline, computed from when each was enqueued (e.g. a concert's prints after its date moved).
     *
     * @return how many jobs were re-dated
     */
    int redate(String kind, String groupKey, long basis, UnaryOperator<Instant> deadlineOfEnqueuedAt);

    /** The bases the waiting jobs of a kind hold, by group key, to find groups that need {@link #redate}. */
    Map<String, Set<Long>> waitingBases(String kind);

    /** Counts of waiting (queued, not running) jobs by kind, read now from the database. */
    Map<String, Long> depthByKind();
}
