package org.ticketoverflow.concerts;

import java.time.LocalDate;

/** A validated concert to create. */
public record NewConcert(String name, String venue, LocalDate date, int capacity, ConcertStatus status) {}
