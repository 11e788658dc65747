package org.ticketoverflow.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ticketoverflow.cluster.ApiClient.KeyedPurchase;

/**
 * Buyers as a careful client behaves: each makes one purchase under a key of its own, sends it to the first node,
 * and, while it has no answer (the node died with the request in flight, or before it was sent), sends the same
 * request with the same key to the second node until it gets one. A 409 (still in flight) or 503 (try again) is
 * not an answer either: the buyer waits a moment and asks again.
 */
final class KeyedBuyers {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Map<String, KeyedPurchase> answers = new ConcurrentHashMap<>();
    private final AtomicInteger answeredByFirst = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final ExecutorService buyers;

    private KeyedBuyers(int threads) {
        this.buyers = Executors.newFixedThreadPool(threads);
    }

    static KeyedBuyers start(
            ApiClient api, NodeProcess first, NodeProcess second, String concert, int count, int threads) {
        KeyedBuyers burst = new KeyedBuyers(threads);
        for (int i = 0; i < count; i++) {
            String key = "cluster-" + i + "-" + UUID.randomUUID();
            burst.buyers.submit(() -> burst.buy(api, first, second, concert, key));
        }
        burst.buyers.shutdown();
        return burst;
    }

    private void buy(ApiClient api, NodeProcess first, NodeProcess second, String concert, String key) {
        NodeProcess node = first;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                KeyedPurchase answer = api.purchase(node, concert, key);
                if (answer.status() != 409 && answer.status() != 503) {
                    answers.put(key, answer);
                    if (node == first) {
                        answeredByFirst.incrementAndGet();
                    }
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                if (node == first) {
                    unanswered.incrementAndGet();
                }
                node = second;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void awaitEnd(Duration timeout) throws InterruptedException {
        if (!buyers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            buyers.shutdownNow();
            throw new AssertionError("buyers still without an answer " + timeout + " after the node was killed");
        }
    }

    /** Every buyer's final answer, by key. */
    Map<String, KeyedPurchase> answers() {
        return Map.copyOf(answers);
    }

    int answeredByFirst() {
        return answeredByFirst.get();
    }

    /** Buyers whose request to the first node got no answer (sent before it died, or after). */
    int unansweredByFirst() {
        return unanswered.get();
    }
}
