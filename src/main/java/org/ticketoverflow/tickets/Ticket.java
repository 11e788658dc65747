package org.ticketoverflow.tickets;

/**
 * A ticket as stored. {@code storedStatus} is what the row says; what a client sees depends on the concert's
 * current version too ({@link #printStatusAt}): a print of an older version of the concert is stale.
 */
public record Ticket(String id, String concertId, String userId, PrintStatus storedStatus, Long printedVersion) {

    /** The print status as of the concert's {@code currentVersion}. */
    public PrintStatus printStatusAt(long currentVersion) {
        if (storedStatus == PrintStatus.PRINTED && (printedVersion == null || printedVersion != currentVersion)) {
            return PrintStatus.NOT_PRINTED;
        }
        return storedStatus;
    }
}
