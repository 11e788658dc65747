package org.ticketoverflow.seating;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often stale plans are looked for
 * @param minInterval the least time between two renders of one concert's plan: a hot concert's plan is redrawn
 *                    at most this often instead of continuously (a render costs up to 30 s of CPU). Worst
 *                    staleness is about minInterval + sweepInterval + one render + the wait for a free worker.
 * @param retryAfter what GET seats tells clients before the first plan exists
 * @param renderTimeout after this long a render in progress is presumed dead and no longer holds back new ones
 */
@ConfigurationProperties("ticketoverflow.seating")
record SeatingSettings(
        @DefaultValue("2s") Duration sweepInterval,
        @DefaultValue("30s") Duration minInterval,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("5m") Duration renderTimeout) {}
