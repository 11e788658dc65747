package org.ticketoverflow.printing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How soon a requested print is promised: {@code clamp(timeToConcert / 1440, 10 s, 6 h)} after the request, where
 * time to concert runs from the request to the start (00:00 UTC) of the concert's day. Monotone in time to
 * concert: a show that starts within 4 hours (or has started) gets 10 s, one a day away 60 s, a week 7 min, a
 * month 30 min, a year or more 6 h. The job's deadline is what the scheduler orders by, so an imminent print overtakes a backlog of
 * far ones, and no print waits without bound.
 */
final class PrintPromise {

    static final Duration TIGHTEST = Duration.ofSeconds(10);
    static final Duration LOOSEST = Duration.ofHours(6);
    static final long DIVISOR = 1440;

    private PrintPromise() {}

    static Instant deadline(Instant requestedAt, LocalDate concertDate) {
        Duration untilConcert = Duration.between(
                requestedAt, concertDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        Duration promised = untilConcert.dividedBy(DIVISOR);
        if (promised.compareTo(TIGHTEST) < 0) {
            promised = TIGHTEST;
        } else if (promised.compareTo(LOOSEST) > 0) {
            promised = LOOSEST;
        }
        return requestedAt.plus(promised);
    }
}
