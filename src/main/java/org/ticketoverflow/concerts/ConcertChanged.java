package org.ticketoverflow.concerts;

import java.time.LocalDate;

/**
 * Published inside the transaction of an update that changed a concert; {@code version} is the new version. An
 * {@code @EventListener} acts in that transaction (its work commits or rolls back with the change); nothing may
 * rely on seeing it after commit alone, since a node can die in between.
 */
public record ConcertChanged(String concertId, long version, LocalDate date, boolean dateChanged) {}
