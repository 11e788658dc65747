package org.ticketoverflow.printing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How soon a requested print is promised: {@code clamp(timeToConcert / 1440, 10 s, 6 h)} after the request, where
 * time to concert runs from the request to the start (00:00 UTC) of the concert's day. Monotone in time to
 * concert: tonight's and tomorrow's shows get 10 s, a show in a day 60 s, in a week 7 min, in a month 30 min, a
 * year ahead 6 h. The job's deadline is what the scheduler orders by, so an imminent print overtakes a backlog of
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
