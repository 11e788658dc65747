package org.ticketoverflow.jobs;

import java.time.Instant;

/**
 * A job this node holds under a lease, and the token that proves it: the pair (owner, attempts) changes with
 * every claim, so an outcome reported after the lease was lost matches no row and changes nothing.
 *
 * @param due      when the job became due (its run_at), for the wait metric
 * @param deadline when its promise is due, for the missed-deadline counter
 */
record ClaimedJob(Job job, String owner, Instant due, Instant deadline) {

    long id() {
        return job.id();
    }

    String kind() {
        return job.kind();
    }

    int attempts() {
        return job.attempts();
    }
}
