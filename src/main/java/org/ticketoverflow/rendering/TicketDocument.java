package org.ticketoverflow.rendering;

/**
 * What a printed ticket shows.
 *
 * @param concertDate the concert's date as {@code YYYY-MM-DD}
 */
public record TicketDocument(
        String ticketId,
        String holderName,
        String holderEmail,
        String concertId,
        String concertName,
        String concertDate,
        String venue) {}
