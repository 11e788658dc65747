package org.ticketoverflow.rendering;

/**
 * What a seating plan shows: the concert and how many of its seats are sold.
 *
 * @param date the concert's date as {@code YYYY-MM-DD}
 */
public record SeatingDocument(String concertId, String name, String date, String venue, int capacity, int sold) {}
