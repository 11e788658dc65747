package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.Race;
import tools.jackson.databind.JsonNode;

/**
 * The heart of it: many clients racing for the last seats never get more tickets than there are seats, and
 * every one of them gets a clear answer (201 or 422). Subclasses choose the database and how many nodes serve.
 */
abstract class OversellRaceScenarios extends HttpScenario {

    private static final int THREADS = 64;
    private static final Pattern BATCH_COUNT =
            Pattern.compile("(?m)^ticketoverflow_purchase_batch_size_count(?:\\{[^}]*})? (\\S+)$");

    /** The nodes purchases go to, in turn. */
    protected List<ApiClient> nodes() {
        return List.of(api);
    }

    @Test
    void sellsExactlyTheCapacityWhenThreeTimesAsManyRaceForIt() {
        int capacity = 300;
        String concertId = api.createConcert(capacity).get("id").stringValue();

        List<ApiResponse> answers = race(THREADS, capacity * 3, i -> concertId);

        assertSoldExactly(concertId, capacity, answers);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void sellsExactlyTheCapacityWhenBatchesOnlyPartlyFit(int capacity) {
        String concertId = api.createConcert(capacity).get("id").stringValue();
        long batchesBefore = batches();

        List<ApiResponse> answers = race(THREADS, THREADS * 2, i -> concertId);

        assertSoldExactly(concertId, capacity, answers);
        assertThat(batches() - batchesBefore)
                .as("transactions for %d purchases", answers.size())
                .isLessThan(answers.size());
    }

    @Test
    void racesForDifferentConcertsDoNotInterfere() {
        List<Integer> capacities = List.of(10, 25, 40, 55, 70);
        List<String> concerts = capacities.stream()
                .map(c -> api.createConcert(c).get("id").stringValue())
                .toList();
        List<String> attempts = new ArrayList<>();
        for (int c = 0; c < concerts.size(); c++) {
            attempts.addAll(Collections.nCopies(capacities.get(c) * 2, concerts.get(c)));
        }
        Collections.shuffle(attempts, new Random(42));

        List<ApiResponse> answers = race(THREADS, attempts.size(), attempts::get);

        for (int c = 0; c < concerts.size(); c++) {
            String concertId = concerts.get(c);
            List<ApiResponse> forConcert = new ArrayList<>();
            for (int i = 0; i < attempts.size(); i++) {
                if (attempts.get(i).equals(concertId)) {
                    forConcert.add(answers.get(i));
                }
            }
            assertSoldExactly(concertId, capacities.get(c), forConcert);
        }
    }

    /**
     * A cancellation racing purchases: every 201 is a real ticket, and no purchase that starts after the PUT has
     * returned is sold.
     */
    @Test
    void cancellationStopsSalesTheMomentItReturns() {
        int capacity = 1000;
        int attempts = 600;
        String concertId = api.createConcert(capacity).get("id").stringValue();
        AtomicLong cancelledAt = new AtomicLong(Long.MAX_VALUE);
        List<ApiClient> nodes = nodes();

        List<Attempt> answers = Race.run(THREADS, attempts, i -> {
            if (i == attempts / 3) {
                ApiResponse cancelled = api.put("/api/v1/concerts/" + concertId, "{\"status\": \"CANCELLED\"}");
                assertThat(cancelled.status()).isEqualTo(200);
                cancelledAt.set(System.nanoTime());
            }
            long started = System.nanoTime();
            return new Attempt(started, nodes.get(i % nodes.size()).purchase(concertId, ApiClient.user(1 + i)));
        });

        List<String> sold = answers.stream()
                .filter(a -> a.answer().status() == 201)
                .map(a -> a.answer().json().get("id").stringValue())
                .toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.answer().status()).isIn(201, 422));
        assertThat(answers)
                .filteredOn(a -> a.started() > cancelledAt.get())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.answer().json().get("detail").stringValue())
                        .containsIgnoringCase("cancelled"));
        assertThat(sold).hasSizeLessThan(attempts);
        for (ApiClient node : nodes) {
            assertThat(node.tickets("concert_id=" + concertId).values().stream()
                            .map(t -> t.get("id").stringValue()))
                    .containsExactlyInAnyOrderElementsOf(sold);
            assertThat(node.concert(concertId).get("status").stringValue()).isEqualTo("CANCELLED");
        }
    }

    /** Purchase transactions committed so far, over all nodes. */
    private long batches() {
        long batches = 0;
        for (ApiClient node : nodes()) {
            Matcher count = BATCH_COUNT.matcher(node.get("/actuator/prometheus").body());
            batches += count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
        }
        return batches;
    }

    private record Attempt(long started, ApiResponse answer) {}

    private List<ApiResponse> race(int threads, int attempts, Function<Integer, String> concertOf) {
        List<ApiClient> nodes = nodes();
        return Race.run(
                threads,
                attempts,
                i -> nodes.get(i % nodes.size()).purchase(concertOf.apply(i), ApiClient.user(1 + i % 4000)));
    }

    private void assertSoldExactly(String concertId, int capacity, List<ApiResponse> answers) {
        Map<Integer, Long> statuses =
                answers.stream().collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
        assertThat(statuses)
                .as(
                        "answers by status (others: %s)",
                        answers.stream()
                                .filter(a -> a.status() != 201 && a.status() != 422)
                                .limit(3)
                                .toList())
                .containsOnlyKeys(201, 422)
                .containsEntry(201, (long) capacity)
                .containsEntry(422, (long) (answers.size() - capacity));

        Set<String> sold = new HashSet<>();
        for (ApiResponse answer : answers) {
            if (answer.status() == 201) {
                JsonNode ticket = answer.json();
                assertThat(ticket.at("/concert/id").stringValue()).isEqualTo(concertId);
                sold.add(ticket.get("id").stringValue());
            }
        }
        assertThat(sold).hasSize(capacity);
        for (ApiClient node : nodes()) {
            List<String> listed = node.tickets("concert_id=" + concertId).values().stream()
                    .map(t -> t.get("id").stringValue())
                    .toList();
            assertThat(listed).hasSize(capacity).containsExactlyInAnyOrderElementsOf(sold);
            assertThat(node.concert(concertId).get("status").stringValue()).isEqualTo("SOLD_OUT");
        }
    }
}
