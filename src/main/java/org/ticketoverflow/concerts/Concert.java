package org.ticketoverflow.concerts;

import java.time.LocalDate;

/**
 * A concert as stored. {@code version} starts at 1 and grows with every update that changes something;
 * {@code sold} never exceeds {@code capacity} (the database checks it too).
 */
public record Concert(
        String id,
        String name,
        String venue,
        LocalDate date,
        int capacity,
        int sold,
        ConcertStatus status,
        long version) {}
