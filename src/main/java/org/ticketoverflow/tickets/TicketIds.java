package org.ticketoverflow.tickets;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Ticket ids: time-ordered UUIDs (version 7, RFC 9562), the millisecond of the sale first and 74 random bits
 * after it. Tickets sold close together get neighbouring keys, so a batch's inserts land on the same few pages
 * of the primary-key index instead of one random page each: with random (version 4) ids every ticket dirtied a
 * page of its own, and after each checkpoint wrote it whole into the WAL. The random bits come from
 * {@link SecureRandom}, as {@link UUID#randomUUID()}'s do: a ticket's id stays unguessable.
 */
final class TicketIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TicketIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long millis = clock.millis();
        long mostSignificant = (millis << 16) | VERSION_7 | (random.nextInt() & 0x0fffL);
        long leastSignificant = VARIANT_RFC | (random.nextLong() >>> 2);
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
