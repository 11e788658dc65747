package org.ticketoverflow.tickets;

import org.ticketoverflow.idempotency.KeyRecord;
import org.ticketoverflow.web.RequestRejected;

/** What became of one purchase attempt. */
sealed interface PurchaseOutcome {

    record Sold(Ticket ticket) implements PurchaseOutcome {}

    record SoldOut() implements PurchaseOutcome {}

    record Cancelled() implements PurchaseOutcome {}

    record UnknownConcert() implements PurchaseOutcome {}

    /** Not attempted: the node is saturated. Nothing was written. */
    record Shed() implements PurchaseOutcome {}

    /** The batch's transaction failed; nothing of it was written. */
    record Failed(Throwable cause) implements PurchaseOutcome {}

    /**
     * The batch's statement (or its transaction's commit) reached the database but the answer was lost on the way
     * back, and its ticket was not found afterwards: it may not have committed, or may commit still. The buyer is
     * told to check their tickets.
     */
    record Unconfirmed(Throwable cause) implements PurchaseOutcome {}

    /** Not attempted: its idempotency key has a record already, the answer to replay. */
    record Replayed(KeyRecord record) implements PurchaseOutcome {}

    /** Not attempted: another purchase of the same batch carries the same idempotency key. */
    record KeyInUse() implements PurchaseOutcome {}

    default String metricTag() {
        return switch (this) {
            case Sold s -> "sold";
            case SoldOut s -> "sold_out";
            case Cancelled c -> "cancelled";
            case UnknownConcert u -> "rejected";
            case Shed s -> "shed";
            case Failed f -> "failed";
            case Unconfirmed u -> "unconfirmed";
            case Replayed r -> "replayed";
            case KeyInUse k -> "key_in_use";
        };
    }

    /** The problem a refused purchase is answered with, and recorded under its key; null for the others. */
    default RequestRejected refusal(String concertId) {
        return switch (this) {
            case SoldOut s -> RequestRejected.unprocessable("Concert " + concertId + " has no seats left");
            case Cancelled c -> RequestRejected.unprocessable("Concert " + concertId + " is cancelled");
            case UnknownConcert u -> RequestRejected.invalid("concert_id", "No concert with id " + concertId);
            default -> null;
        };
    }
}
