package org.ticketoverflow.jobs;

import java.time.Instant;

/**
 * A claimed job, as its handler sees it.
 *
 * @param attempts how many times it has been claimed, this time included (1 on the first run)
 */
public record Job(long id, String kind, String subject, String groupKey, int attempts, Instant enqueuedAt) {}
