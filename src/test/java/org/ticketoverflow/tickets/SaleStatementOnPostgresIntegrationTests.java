package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.OnPostgres;

/**
 * The one-statement sale that PostgreSQL batches without keys go through: seats and tickets together, never more
 * tickets than seats, and nothing written for a concert that cannot sell. The races through HTTP are in
 * {@link OversellRaceOnPostgresIntegrationTests}; these pin down the statement's own answers.
 */
@OnPostgres
class SaleStatementOnPostgresIntegrationTests extends HttpScenario {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2027, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    private Tickets tickets;

    private final TicketIds ids = new TicketIds(Clock.systemUTC());

    @Test
    void postgresSellsBatchesWithoutKeysInOneStatement() {
        assertThat(tickets.sellsInOneStatement()).isTrue();
    }

    @Test
    void grantsTheSeatsLeftToTheFirstOfTheBatchAndMarksTheConcertSoldOut() {
        String concertId = api.createConcert(5).get("id").stringValue();
        List<String> batch = newIds(3);

        assertThat(sell(concertId, batch)).hasValue(3);
        List<String> second = newIds(4);
        assertThat(sell(concertId, second)).hasValue(2);
        assertThat(sell(concertId, newIds(1))).isEmpty();

        assertThat(api.ticketIdsOf(concertId))
                .containsExactlyInAnyOrder(batch.get(0), batch.get(1), batch.get(2), second.get(0), second.get(1));
        assertThat(api.concert(concertId).get("status").stringValue()).isEqualTo("SOLD_OUT");
    }

    @Test
    void aBatchThatExactlyFillsTheConcertSellsItOut() {
        String concertId = api.createConcert(4).get("id").stringValue();

        assertThat(sell(concertId, newIds(4))).hasValue(4);

        assertThat(api.concert(concertId).get("status").stringValue()).isEqualTo("SOLD_OUT");
        assertThat(api.ticketIdsOf(concertId)).hasSize(4);
    }

    @Test
    void sellsNothingForACancelledOrUnknownConcert() {
        String cancelled = api.createConcert(10).get("id").stringValue();
        assertThat(api.put("/api/v1/concerts/" + cancelled, "{\"status\": \"CANCELLED\"}")
                        .status())
                .isEqualTo(200);

        assertThat(sell(cancelled, newIds(3))).isEmpty();
        assertThat(sell("no-such-concert", newIds(3))).isEmpty();

        assertThat(api.ticketIdsOf(cancelled)).isEmpty();
        assertThat(api.concert(cancelled).get("status").stringValue()).isEqualTo("CANCELLED");
    }

    /** A pool set to hand out connections without auto-commit would leave the statement uncommitted. */
    @Test
    void aPoolWithoutAutoCommitSellsInTransactionsAndEveryTicketAnsweredIsCommitted() {
        String concertId = api.createConcert(3).get("id").stringValue();
        try (AppInstance node = startNodeOnSameDatabase("spring.datasource.hikari.auto-commit=false")) {
            List<ApiResponse> answers = IntStream.range(0, 4)
                    .mapToObj(i -> node.api().purchase(concertId, ApiClient.user(1 + i)))
                    .toList();

            assertThat(answers).extracting(ApiResponse::status).containsExactly(201, 201, 201, 422);
            assertThat(api.ticketIdsOf(concertId))
                    .containsExactlyInAnyOrderElementsOf(answers.subList(0, 3).stream()
                            .map(a -> a.json().get("id").stringValue())
                            .toList());
        }
    }

    private OptionalInt sell(String concertId, List<String> batch) {
        List<String> users = IntStream.range(0, batch.size())
                .mapToObj(i -> ApiClient.user(1 + i))
                .toList();
        return tickets.sellInOneStatement(concertId, batch, users, NOW);
    }

    private List<String> newIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> ids.next()).toList();
    }
}
