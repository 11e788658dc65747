package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.Race;
import tools.jackson.databind.JsonNode;

/**
 * A saturated node sheds purchases at once with 503 and Retry-After instead of queueing them into timeouts;
 * shed purchases change nothing, health stays green, and the node sells normally once the rush is over.
 */
abstract class OverloadScenarios extends HttpScenario {

    private static final int THREADS = 64;
    private static final int ATTEMPTS = 640;

    @Test
    void shedsPurchasesFastBeyondTheWaitingLimitAndRecovers() {
        try (AppInstance node = startNodeOnSameDatabase("ticketoverflow.purchase.max-waiting=1")) {
            ApiClient busy = node.api();
            String warmUp = busy.createConcert(10).get("id").stringValue();
            for (int i = 0; i < 5; i++) {
                assertThat(busy.purchase(warmUp, ApiClient.user(401)).status()).isEqualTo(201);
            }
            int capacity = 3;
            String concertId = busy.createConcert(capacity).get("id").stringValue();
            ConcurrentLinkedQueue<Integer> healthStatuses = new ConcurrentLinkedQueue<>();
            AtomicBoolean rushing = new AtomicBoolean(true);
            CompletableFuture<Void> healthWatch = CompletableFuture.runAsync(() -> {
                while (rushing.get()) {
                    healthStatuses.add(busy.get("/api/v1/concerts/health").status());
                }
            });

            List<ApiResponse> answers;
            try {
                answers = Race.run(THREADS, ATTEMPTS, i -> busy.purchase(concertId, ApiClient.user(402 + i % 100)));
            } finally {
                rushing.set(false);
                healthWatch.join();
            }

            Map<Integer, Long> statuses =
                    answers.stream().collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
            assertThat(statuses.keySet())
                    .as("answers by status: %s", statuses)
                    .isSubsetOf(201, 422, 503)
                    .contains(201, 503);
            long sold = statuses.get(201);
            assertThat(sold).isPositive().isLessThanOrEqualTo(capacity);
            assertThat(sold + statuses.getOrDefault(422, 0L) + statuses.get(503))
                    .isEqualTo(ATTEMPTS);
            for (ApiResponse shed :
                    answers.stream().filter(a -> a.status() == 503).toList()) {
                assertProblem(shed, 503);
                assertThat(shed.header("Retry-After")).matches("[1-9][0-9]*");
                assertThat(shed.elapsed()).isLessThan(Duration.ofSeconds(1));
            }
            assertThat(healthStatuses).isNotEmpty().containsOnly(200);

            JsonNode tickets = busy.tickets("concert_id=" + concertId);
            assertThat(tickets.size()).isEqualTo((int) sold);
            assertThat(tickets.values().stream()
                            .map(t -> t.get("id").stringValue())
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(answers.stream()
                            .filter(a -> a.status() == 201)
                            .map(a -> a.json().get("id").stringValue())
                            .toList());
            assertThat(busy.concert(concertId).get("status").stringValue())
                    .isEqualTo(sold == capacity ? "SOLD_OUT" : "ACTIVE");

            String after = busy.createConcert(3).get("id").stringValue();
            for (int i = 0; i < 3; i++) {
                assertThat(busy.purchase(after, ApiClient.user(401)).status()).isEqualTo(201);
            }
            assertThat(busy.purchase(after, ApiClient.user(401)).status()).isEqualTo(422);
        }
    }
}
