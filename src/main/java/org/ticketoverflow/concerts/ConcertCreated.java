package org.ticketoverflow.concerts;

/** Published after a new concert has committed. */
public record ConcertCreated(String concertId) {}
