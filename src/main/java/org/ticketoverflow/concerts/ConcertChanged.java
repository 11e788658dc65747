package org.ticketoverflow.concerts;

import java.time.LocalDate;

/** Published after an update that changed a concert has committed; {@code version} is the new version. */
public record ConcertChanged(String concertId, long version, LocalDate date, boolean dateChanged) {}
