package org.ticketoverflow.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The on-sale window of a scenario. It starts when the first purchaser asks (after {@code before()} has set
 * up the data), so set-up time does not eat into the sale.
 */
final class SaleClock {

    private final Duration length;
    private final AtomicLong startedAt = new AtomicLong();
    private final AtomicLong lastSaleAt = new AtomicLong();

    SaleClock(Duration length) {
        this.length = length;
    }

    boolean open() {
        startedAt.compareAndSet(0, System.currentTimeMillis());
        return System.currentTimeMillis() < startedAt.get() + length.toMillis();
    }

    Duration length() {
        return length;
    }

    void saleAt(long epochMillis) {
        lastSaleAt.accumulateAndGet(epochMillis, Math::max);
    }

    /** From the start of the sale to the last acknowledged purchase. */
    Duration selling() {
        long start = startedAt.get();
        long last = lastSaleAt.get();
        return start == 0 || last < start ? Duration.ZERO : Duration.ofMillis(last - start);
    }
}
