package org.ticketoverflow.concerts;

/**
 * Published inside the transaction that creates a concert. An {@code @EventListener} acts in that transaction
 * (its work commits or rolls back with the concert).
 */
public record ConcertCreated(String concertId) {}
