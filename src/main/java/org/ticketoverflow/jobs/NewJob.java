package org.ticketoverflow.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * A job to add to the queue.
 *
 * @param kind      names the {@link JobHandler} that will handle it
 * @param subject   what the job is about, e.g. a ticket id
 * @param groupKey  the group it belongs to for {@link JobQueue#redate}, e.g. a concert id; may be null
 * @param basis     what the producer derived the deadline from (a print: its concert's date as epoch day), so a
 *                  sweep can find waiting jobs whose basis changed; 0 if nothing
 * @param runAt     not claimed before this instant; null means now
 * @param deadline  when the promise this job serves is due; workers take the job with the least slack first
 *                  (see {@link JobQueue}); null means {@code runAt}, i.e. first come, first served
 * @param dedupeKey at most one waiting job holds it (see {@link JobQueue#enqueueUnique}); cleared when the job
 *                  is claimed; may be null
 */
public record NewJob(
        String kind, String subject, String groupKey, long basis, Instant runAt, Instant deadline, String dedupeKey) {

    public NewJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
    }

    NewJob withDefaults(Instant now) {
        Instant due = runAt == null ? now : runAt;
        return new NewJob(kind, subject, groupKey, basis, due, deadline == null ? due : deadline, dedupeKey);
    }
}
