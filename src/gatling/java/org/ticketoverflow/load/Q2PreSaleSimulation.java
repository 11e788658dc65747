package org.ticketoverflow.load;

import java.time.Duration;

/**
 * Q2 of docs/scenarios.md, a pre-sale: a limited-time pre-sale (capacity 2000) with 100 purchasers at once for 4
 * minutes (~10 purchases/s).
 */
public final class Q2PreSaleSimulation extends ConcertSaleSimulation {

    public Q2PreSaleSimulation() {
        super(new Sale("Q2", "Q2 pre-sale", 2000, 100, Duration.ofSeconds(10), Duration.ofMinutes(4), 0, 0));
    }
}
