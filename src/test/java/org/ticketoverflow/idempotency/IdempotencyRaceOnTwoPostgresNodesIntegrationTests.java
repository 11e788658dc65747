package org.ticketoverflow.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.support.ApiClient.user;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.OnPostgres;
import org.ticketoverflow.support.Race;

/**
 * One key sent to two nodes of one PostgreSQL database at once: neither node knows what the other is answering,
 * so it is the key's primary key, committed in the purchase batch, that must decide; the loser replays the
 * winner's ticket.
 */
@OnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyRaceOnTwoPostgresNodesIntegrationTests extends HttpScenario {

    private AppInstance secondNode;

    @BeforeAll
    void startSecondNode() {
        secondNode = startNodeOnSameDatabase();
    }

    @AfterAll
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void sixtyFourRacersWithOneKeyOnTwoNodesBuyExactlyOneTicket() {
        String concert = api.createConcert(100).get("id").stringValue();
        String key = IdempotencyApiScenarios.newKey();
        List<ApiClient> nodes = List.of(api, secondNode.api());

        List<ApiResponse> answers =
                Race.run(64, 64, i -> IdempotencyApiScenarios.buy(nodes.get(i % 2), concert, user(320), key));

        Set<String> tickets = ticketIds(concert);
        assertThat(tickets).hasSize(1);
        assertThat(answers).allSatisfy(answer -> {
            if (answer.status() == 201) {
                assertThat(answer.json().get("id").stringValue())
                        .isEqualTo(tickets.iterator().next());
            } else {
                assertProblem(answer, 409);
            }
        });
    }

    @Test
    void keysSentToBothNodesAtOnceEachBuyOneTicket() {
        String concert = api.createConcert(10_000).get("id").stringValue();
        int keys = 400;
        List<String> keyOf = java.util.stream.IntStream.range(0, keys)
                .mapToObj(i -> IdempotencyApiScenarios.newKey())
                .toList();
        List<ApiClient> nodes = List.of(api, secondNode.api());

        // attempts 2k and 2k + 1 carry key k, one to each node, started side by side
        List<ApiResponse> answers = Race.run(
                64,
                2 * keys,
                i -> IdempotencyApiScenarios.buy(nodes.get(i % 2), concert, user(321 + i / 2 % 100), keyOf.get(i / 2)));

        Map<String, Set<String>> ticketsByKey = new java.util.HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            ApiResponse answer = answers.get(i);
            if (answer.status() == 201) {
                ticketsByKey
                        .computeIfAbsent(keyOf.get(i / 2), k -> new HashSet<>())
                        .add(answer.json().get("id").stringValue());
            } else {
                assertProblem(answer, 409);
            }
        }
        assertThat(ticketsByKey.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        Set<String> answered =
                ticketsByKey.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(ticketIds(concert))
                .as("tickets in the database: one per key that was answered 201, and no other")
                .isEqualTo(answered);
        assertThat(answered).hasSizeGreaterThan(keys * 9 / 10);
    }

    private Set<String> ticketIds(String concert) {
        return api.tickets("concert_id=" + concert)
                .valueStream()
                .map(t -> t.get("id").stringValue())
                .collect(Collectors.toSet());
    }
}
