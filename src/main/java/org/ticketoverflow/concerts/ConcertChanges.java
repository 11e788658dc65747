package org.ticketoverflow.concerts;

import java.time.LocalDate;

/**
 * A validated update: each field null when not given. Asking for ACTIVE on a concert with no seats left keeps it
 * SOLD_OUT, so the status never contradicts the seat count.
 */
public record ConcertChanges(String name, String venue, LocalDate date, ConcertStatus status) {

    Concert applyTo(Concert current) {
        ConcertStatus nextStatus = status == null ? current.status() : status;
        if (nextStatus == ConcertStatus.ACTIVE && current.sold() >= current.capacity()) {
            nextStatus = ConcertStatus.SOLD_OUT;
        }
        return new Concert(
                current.id(),
                name == null ? current.name() : name,
                venue == null ? current.venue() : venue,
                date == null ? current.date() : date,
                current.capacity(),
                current.sold(),
                nextStatus,
                current.version());
    }
}
