package org.ticketoverflow.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * A job to add to the queue.
 *
 * @param kind      names the {@link JobHandler} that will handle it
 * @param subject   what the job is about, e.g. a ticket id
 * @param groupKey  the group it belongs to for {@link JobQueue#resort}, e.g. a concert id; may be null
 * @param lane      claimed before any higher lane: 0 = seating plans (urgent), 1 = prints
 * @param sortKey   order within a lane, e.g. the concert date as epoch day; ties are first come, first served
 * @param runAt     not claimed before this instant; null means now
 * @param dedupeKey at most one waiting job holds it (see {@link JobQueue#enqueueUnique}); cleared when the job
 *                  is claimed; may be null
 */
public record NewJob(
        String kind, String subject, String groupKey, int lane, long sortKey, Instant runAt, String dedupeKey) {

    public NewJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
        if (lane < 0) {
            throw new IllegalArgumentException("lane must not be negative: " + lane);
        }
    }
}
