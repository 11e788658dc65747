package org.ticketoverflow.concerts;

/**
 * The answer to a request for seats: how many were granted (0 … requested) and, when fewer than asked, why.
 */
public record SeatGrant(int granted, Refusal refusal) {

    public enum Refusal {
        NONE,
        UNKNOWN_CONCERT,
        CANCELLED,
        SOLD_OUT
    }

    /** {@code granted} of {@code requested} seats: the rest, if any, refused as sold out. */
    public static SeatGrant of(int granted, int requested) {
        return new SeatGrant(granted, granted == requested ? Refusal.NONE : Refusal.SOLD_OUT);
    }

    static SeatGrant refused(Refusal refusal) {
        return new SeatGrant(0, refusal);
    }
}
