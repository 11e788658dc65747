package org.ticketoverflow.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load generator saw of one concert's sale: every purchase attempt and its outcome. These are the
 * figures the server's state is checked against at the end (201s must match the tickets it lists, and never
 * exceed the capacity).
 *
 * <p>With {@code trackAcks}, the arrival time of every 201 is kept so that a seating plan showing {@code n}
 * seats sold can be dated: it has been stale since the (n+1)-th acknowledged purchase.
 */
final class ConcertSales {

    private final String concertId;
    private final String label;
    private final int capacity;
    private final boolean trackAcks;
    private final long registeredAt = System.currentTimeMillis();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder sold = new LongAdder();
    private final LongAdder soldOut = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private final LongAdder other = new LongAdder();
    private final List<Long> ackTimes = new ArrayList<>();
    private volatile boolean closed;

    ConcertSales(String concertId, String label, int capacity, boolean trackAcks) {
        this.concertId = concertId;
        this.label = label;
        this.capacity = capacity;
        this.trackAcks = trackAcks;
    }

    void attempt() {
        attempts.increment();
    }

    void outcome(int status, long receivedAtMillis) {
        switch (status) {
            case 201 -> {
                sold.increment();
                if (trackAcks) {
                    synchronized (ackTimes) {
                        ackTimes.add(receivedAtMillis);
                    }
                }
            }
            case 422 -> {
                soldOut.increment();
                closed = true;
            }
            case 503 -> shed.increment();
            default -> other.increment();
        }
    }

    /**
     * How long a plan showing {@code shownSold} seats sold, served to a request sent at {@code sentAtMillis},
     * has been behind the purchases acknowledged before that request.
     */
    Duration lag(long shownSold, long sentAtMillis) {
        synchronized (ackTimes) {
            if (shownSold >= ackTimes.size()) {
                return Duration.ZERO;
            }
            Collections.sort(ackTimes);
            long firstMissing = ackTimes.get((int) Math.max(0, shownSold));
            return firstMissing < sentAtMillis ? Duration.ofMillis(sentAtMillis - firstMissing) : Duration.ZERO;
        }
    }

    /** When the concert was created (registered right after its POST returned), epoch millis. */
    long registeredAt() {
        return registeredAt;
    }

    String concertId() {
        return concertId;
    }

    String label() {
        return label;
    }

    int capacity() {
        return capacity;
    }

    boolean closed() {
        return closed;
    }

    long attempts() {
        return attempts.sum();
    }

    long sold() {
        return sold.sum();
    }

    long soldOut() {
        return soldOut.sum();
    }

    long shed() {
        return shed.sum();
    }

    long other() {
        return other.sum();
    }

    /** Attempts with no answer at all (timeouts, broken connections): their outcome is unknown. */
    long unanswered() {
        return Math.max(0, attempts() - sold() - soldOut() - shed() - other());
    }

    String figures() {
        return "attempts %d: 201 %d, 422 %d, 503 %d, other %d, unanswered %d"
                .formatted(attempts(), sold(), soldOut(), shed(), other(), unanswered());
    }
}
