package org.ticketoverflow.idempotency;

/** Claims on keys for tests that hand keyed purchases to the box office directly, without a request. */
public final class TestClaims {

    private TestClaims() {}

    /** A claim on a key of this scope, held in a node of its own (nothing else claims it). */
    public static KeyClaim claim(String scope, String value, String fingerprint) {
        return new InFlight()
                .claim(new IdempotencyKey(scope, value, fingerprint))
                .orElseThrow();
    }
}
