package org.ticketoverflow.load;

import java.time.Duration;

/**
 * Q4 of docs/scenarios.md, the seating-plan launch: Q3 plus 5 staff viewing the seating plan every 10 s (50 views).
 * Every view succeeds once the first plan exists, no plan is more than 3 minutes stale (staff keep looking
 * after the sale until the plan shows every purchase), and rendering plans does not slow purchases (the p99
 * assertion on "buy").
 */
public final class Q4SeatingPlanLaunchSimulation extends ConcertSaleSimulation {

    public Q4SeatingPlanLaunchSimulation() {
        super(new Sale(
                "Q4", "Q4 seating-plan launch", 3000, 250, Duration.ofMinutes(11), Duration.ofMinutes(11), 5, 10));
    }
}
