package org.ticketoverflow.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ticketoverflow.cluster.ApiClient.Purchase;

/**
 * Buyers hammering one node, each buying in a loop until its first request that gets no answer (an IOException:
 * the node is gone). Every 201 is recorded with its ticket id, every other answer by its status: what the
 * clients were told, to hold against what the database kept.
 */
final class PurchaseBurst {

    /** A burst whose node never dies (the test failed before killing it) stops by itself. */
    private static final Duration MAX_DURATION = Duration.ofMinutes(2);

    /** Recorded for an answer that could not be read (e.g. a 201 without a ticket id). */
    static final int UNREADABLE = -1;

    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> otherAnswers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final ExecutorService buyers;

    private PurchaseBurst(int buyerCount) {
        this.buyers = Executors.newFixedThreadPool(buyerCount);
    }

    static PurchaseBurst start(ApiClient api, NodeProcess node, String concert, int buyerCount) {
        PurchaseBurst burst = new PurchaseBurst(buyerCount);
        for (int i = 0; i < buyerCount; i++) {
            burst.buyers.submit(() -> burst.buyUntilFailure(api, node, concert));
        }
        burst.buyers.shutdown();
        return burst;
    }

    private void buyUntilFailure(ApiClient api, NodeProcess node, String concert) {
        long deadline = System.nanoTime() + MAX_DURATION.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Purchase answer = api.purchase(node, concert);
                if (answer.status() == 201) {
                    acknowledged.add(answer.ticketId());
                } else {
                    otherAnswers.add(answer.status());
                }
            } catch (IOException e) {
                failures.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                otherAnswers.add(UNREADABLE);
                return;
            }
        }
    }

    /** Waits for every buyer to have stopped (which they do once the node is gone). */
    void awaitEnd(Duration timeout) throws InterruptedException {
        if (!buyers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            buyers.shutdownNow();
            throw new AssertionError("buyers still running " + timeout + " after the node was killed");
        }
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    List<Integer> otherAnswers() {
        return List.copyOf(otherAnswers);
    }

    int failures() {
        return failures.get();
    }
}
