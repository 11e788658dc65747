package org.ticketoverflow.load;

import java.time.Duration;

/**
 * Q3 of docs/scenarios.md, the general sale: a surge with more buyers than seats. Capacity 3000, purchasers ramping
 * up to 250 over 11 minutes (~6000 attempts): exactly 3000 succeed, the rest get 422.
 */
public final class Q3GeneralSaleSimulation extends ConcertSaleSimulation {

    public Q3GeneralSaleSimulation() {
        super(new Sale("Q3", "Q3 general sale", 3000, 250, Duration.ofMinutes(11), Duration.ofMinutes(11), 0, 0));
    }
}
