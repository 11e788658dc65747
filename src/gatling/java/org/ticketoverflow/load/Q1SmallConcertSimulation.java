package org.ticketoverflow.load;

import java.time.Duration;

/**
 * Q1 of docs/scenarios.md, a small concert: a small venue (capacity 850) sells in advance over a longer period, to
 * purchasers ramping up to 50 over 6 minutes (~5 purchases/s at the top).
 */
public final class Q1SmallConcertSimulation extends ConcertSaleSimulation {

    public Q1SmallConcertSimulation() {
        super(new Sale("Q1", "Q1 small concert", 850, 50, Duration.ofMinutes(6), Duration.ofMinutes(6), 0, 0));
    }
}
