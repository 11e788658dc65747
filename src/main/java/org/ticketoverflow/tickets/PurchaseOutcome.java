package org.ticketoverflow.tickets;

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

    default String metricTag() {
        return switch (this) {
            case Sold s -> "sold";
            case SoldOut s -> "sold_out";
            case Cancelled c -> "cancelled";
            case UnknownConcert u -> "rejected";
            case Shed s -> "shed";
            case Failed f -> "failed";
        };
    }
}
