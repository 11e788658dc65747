package org.ticketoverflow.jobs;

import java.util.Map;

/**
 * The durable job queue. Jobs are claimed in the order lane, sort key, id among those whose {@code runAt} has
 * come, and handled by the {@link JobHandler} bean of their kind, at least once.
 */
public interface JobQueue {

    /**
     * Adds a job in the caller's transaction (joins it, or runs in one of its own); workers are woken after
     * commit, and a rollback leaves nothing behind. A non-null {@code dedupeKey} that a waiting job already holds
     * makes this fail with a {@code DuplicateKeyException}; use {@link #enqueueUnique} to dedupe.
     */
    void enqueue(NewJob job);

    /**
     * Adds the job unless one with the same {@code dedupeKey} is waiting (not yet claimed). Runs in its own
     * transaction, so it never aborts the caller's and commits even if the caller's rolls back; it takes a second
     * pooled connection when called inside a transaction.
     *
     * @return true if the job was added
     */
    boolean enqueueUnique(NewJob job);

    /** Gives the waiting jobs of a group a new sort key (e.g. a concert's prints after its date changed). */
    void resort(String kind, String groupKey, long sortKey);

    /** Counts of waiting (queued, not running) jobs by kind, read now from the database. */
    Map<String, Long> depthByKind();
}
