package org.ticketoverflow.idempotency;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The keys this node is answering right now. */
@Component
class InFlight {

    record Slot(String scope, String key) {}

    private final Map<Slot, KeyClaim> holds = new ConcurrentHashMap<>();

    /** A claim on the key, or empty if this node is already answering a request with it. */
    Optional<KeyClaim> claim(IdempotencyKey key) {
        Slot slot = new Slot(key.scope(), key.value());
        KeyClaim claim = new KeyClaim(key, holds, slot);
        return holds.putIfAbsent(slot, claim) == null ? Optional.of(claim) : Optional.empty();
    }
}
