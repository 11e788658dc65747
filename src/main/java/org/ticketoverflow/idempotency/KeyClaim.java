package org.ticketoverflow.idempotency;

import java.util.Map;

/**
 * This node's hold on a key while its request is being answered: a second request with the key meanwhile gets a
 * 409. The hold is in memory only, so a node that dies takes its holds with it and blocks no retry on another
 * node; what protects against two nodes answering one key is the key's row, committed with what it created.
 */
public final class KeyClaim {

    private final IdempotencyKey key;
    private final Map<InFlight.Slot, KeyClaim> holds;
    private final InFlight.Slot slot;
    private volatile boolean recorded;

    KeyClaim(IdempotencyKey key, Map<InFlight.Slot, KeyClaim> holds, InFlight.Slot slot) {
        this.key = key;
        this.holds = holds;
        this.slot = slot;
    }

    public IdempotencyKey key() {
        return key;
    }

    /** Says that the answer is in the database (written with the request's work, or found there already). */
    public void markRecorded() {
        recorded = true;
    }

    boolean recorded() {
        return recorded;
    }

    /** Lets the key go; idempotent, and never releases a later claim of the same key. */
    void release() {
        holds.remove(slot, this);
    }
}
