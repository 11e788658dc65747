package org.ticketoverflow.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.support.ApiClient.user;
import static org.ticketoverflow.support.Problems.assertInvalidField;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.Race;
import tools.jackson.databind.JsonNode;

/** Idempotency-Key on POST /tickets and POST /concerts, through HTTP: replays, refusals, races, retention. */
abstract class IdempotencyApiScenarios extends HttpScenario {

    static final String TICKETS = "/api/v1/tickets";
    static final String CONCERTS = "/api/v1/concerts";
    static final String KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    @Test
    void aRepeatedPurchaseReplaysTheSameTicketAndBuysNothingMore() {
        String concert = concert(5);
        String key = newKey();

        ApiResponse first = buy(api, concert, user(301), key);
        ApiResponse again = buy(api, concert, user(301), key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ticketIds(concert)).containsExactly(first.json().get("id").stringValue());
    }

    @Test
    void aRepeatIsRecognisedHoweverItsJsonIsSpacedOrOrderedAndWhicheverFormTheKeyTakes() {
        String concert = concert(5);
        String key = newKey();
        ApiResponse first = buy(api, concert, user(302), key);

        ApiResponse reordered = api.post(TICKETS, """
                { "user_id" : "%s",
                  "concert_id" : "%s" }""".formatted(user(302), concert), KEY, "\"" + key + "\"");

        assertThat(reordered.status()).as("%s", reordered).isEqualTo(201);
        assertThat(reordered.header(REPLAYED)).isEqualTo("true");
        assertThat(reordered.json()).isEqualTo(first.json());
        assertThat(ticketIds(concert)).hasSize(1);
    }

    @Test
    void withoutTheHeaderEveryPurchaseBuysATicketAsBefore() {
        String concert = concert(5);

        ApiResponse one = api.purchase(concert, user(303));
        ApiResponse two = api.purchase(concert, user(303));

        assertThat(List.of(one.status(), two.status())).containsExactly(201, 201);
        assertThat(one.header(REPLAYED)).isNull();
        assertThat(two.header(REPLAYED)).isNull();
        assertThat(ticketIds(concert)).hasSize(2);
    }

    @Test
    void aSoldOutRefusalIsReplayed() {
        String concert = concert(1);
        assertThat(api.purchase(concert, user(304)).status()).isEqualTo(201);
        String key = newKey();

        ApiResponse refused = buy(api, concert, user(304), key);
        ApiResponse again = buy(api, concert, user(304), key);

        assertProblem(refused, 422);
        assertThat(refused.header(REPLAYED)).isNull();
        assertProblem(again, 422);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.json()).isEqualTo(refused.json());
    }

    @Test
    void aRefusalIsReplayedFromItsRecordEvenOnceThePurchaseCouldSucceed() {
        String concert = api.createConcert(5, "CANCELLED").get("id").stringValue();
        String key = newKey();
        ApiResponse refused = buy(api, concert, user(305), key);
        assertProblem(refused, 422);
        assertThat(refused.json().get("detail").stringValue()).contains("cancelled");

        assertThat(api.put(CONCERTS + "/" + concert, "{\"status\": \"ACTIVE\"}").status())
                .isEqualTo(200);
        ApiResponse again = buy(api, concert, user(305), key);

        assertProblem(again, 422);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.json()).isEqualTo(refused.json());
        assertThat(ticketIds(concert)).isEmpty();
        assertThat(buy(api, concert, user(305), newKey()).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown concert", "unknown user", "missing user_id"})
    void aBadRequestIsReplayed(String fault) {
        String concert = concert(5);
        String body = switch (fault) {
            case "unknown concert" -> purchaseJson("00000000-0000-0000-0000-000000000000", user(306));
            case "unknown user" -> purchaseJson(concert, ApiClient.UNKNOWN_USER);
            default -> "{\"concert_id\": \"" + concert + "\"}";
        };
        String key = newKey();

        ApiResponse refused = api.post(TICKETS, body, KEY, key);
        ApiResponse again = api.post(TICKETS, body, KEY, key);

        assertProblem(refused, 400);
        assertThat(refused.header(REPLAYED)).isNull();
        assertProblem(again, 400);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.json()).isEqualTo(refused.json());
        assertThat(again.json().get("field")).isEqualTo(refused.json().get("field"));
        assertThat(ticketIds(concert)).isEmpty();
    }

    @Test
    void theKeyOfOnePurchaseCannotBuyAnother() {
        String concert = concert(5);
        String other = concert(5);
        String key = newKey();
        ApiResponse first = buy(api, concert, user(307), key);

        ApiResponse reused = buy(api, other, user(307), key);
        ApiResponse reusedForABadRequest = api.post(TICKETS, "{\"concert_id\": \"" + other + "\"}", KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(assertProblem(reused, 422).get("detail").stringValue()).contains("another request");
        assertThat(reused.header(REPLAYED)).isNull();
        assertProblem(reusedForABadRequest, 422);
        assertThat(ticketIds(other)).isEmpty();
        assertThat(ticketIds(concert)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"\"", "\"unterminated", "two words", "tab\there", "\"a\",\"b\"", "TOO_LONG"})
    void aMalformedKeyIsRefusedWith400NamingTheHeaderAndBuysNothing(String key) {
        String concert = concert(5);
        String header = key.equals("TOO_LONG") ? "k".repeat(256) : key;

        ApiResponse refused = buy(api, concert, user(308), header);

        assertInvalidField(refused, "Idempotency-Key");
        assertThat(ticketIds(concert)).isEmpty();
    }

    @Test
    void aKeyOf255CharactersIsTaken() {
        String concert = concert(5);
        String key = newKey() + "k".repeat(255 - 36);

        assertThat(buy(api, concert, user(309), key).status()).isEqualTo(201);
        assertThat(buy(api, concert, user(309), key).header(REPLAYED)).isEqualTo("true");
        assertThat(ticketIds(concert)).hasSize(1);
    }

    @Test
    void sixtyFourRacersWithOneKeyBuyExactlyOneTicket() {
        String concert = concert(100);
        String key = newKey();

        List<ApiResponse> answers = Race.run(64, 64, i -> buy(api, concert, user(310), key));

        Set<String> tickets = ticketIds(concert);
        assertThat(tickets).hasSize(1);
        assertThat(answers).allSatisfy(answer -> {
            if (answer.status() == 201) {
                assertThat(answer.json().get("id").stringValue())
                        .isEqualTo(tickets.iterator().next());
            } else {
                assertProblem(answer, 409);
                assertThat(answer.header("Retry-After")).isEqualTo("1");
            }
        });
        assertThat(answers.stream().filter(a -> a.status() == 201 && a.header(REPLAYED) == null))
                .as("answers that bought")
                .hasSize(1);
    }

    @Test
    void aRepeatedConcertCreationReplaysTheConcertAndCreatesNoOther() {
        String key = newKey();
        String body = ApiClient.concertJson("Keyed", "Hall", "2031-02-03", 40, "ACTIVE");
        ApiResponse first = api.post(CONCERTS, body, KEY, key);
        int concerts = api.concertCount();

        ApiResponse again = api.post(CONCERTS, body, KEY, key);
        ApiResponse reused =
                api.post(CONCERTS, ApiClient.concertJson("Other", "Hall", "2031-02-03", 40, "ACTIVE"), KEY, key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertProblem(reused, 422);
        assertThat(api.concertCount()).isEqualTo(concerts);
        assertThat(api.concert(first.json().get("id").stringValue())).isEqualTo(first.json());
    }

    @Test
    void anInvalidConcertCreationIsReplayed() {
        String key = newKey();
        String body = ApiClient.concertJson("Bad date", "Hall", "2023-02-30", 40, "ACTIVE");

        ApiResponse refused = api.post(CONCERTS, body, KEY, key);
        ApiResponse again = api.post(CONCERTS, body, KEY, key);

        assertInvalidField(refused, "date");
        assertInvalidField(again, "date");
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.json()).isEqualTo(refused.json());
    }

    @Test
    void aKeyNamesARequestToOneEndpoint() {
        String key = newKey();
        ApiResponse concert =
                api.post(CONCERTS, ApiClient.concertJson("Scope", "Hall", "2031-02-03", 4, "ACTIVE"), KEY, key);

        ApiResponse bought = buy(api, concert.json().get("id").stringValue(), user(311), key);

        assertThat(concert.status()).isEqualTo(201);
        assertThat(bought.status()).isEqualTo(201);
        assertThat(bought.header(REPLAYED)).isNull();
    }

    @Test
    void printRequestsTakeAndIgnoreTheHeader() {
        String ticket = api.purchase(concert(5), user(312)).json().get("id").stringValue();
        String print = TICKETS + "/" + ticket + "/print";

        assertThat(api.post(print, "", KEY, "print-" + ticket).status()).isEqualTo(202);
        assertThat(api.post(print, "", KEY, "print-" + ticket).status()).isEqualTo(202);
        assertThat(api.post(print, "", KEY, "\"malformed").status()).isEqualTo(202);
        assertThat(api.get(TICKETS + "/" + ticket).json().get("print_status").stringValue())
                .isIn("PENDING", "PRINTED");
    }

    @Test
    void aShedPurchaseIsNotRecordedSoItsRetryBuys() {
        String concert = concert(5);
        String key = newKey();
        try (AppInstance saturated = startNodeOnSameDatabase("ticketoverflow.purchase.max-waiting=0")) {
            ApiResponse shed = buy(saturated.api(), concert, user(313), key);
            assertProblem(shed, 503);
        }

        ApiResponse retried = buy(api, concert, user(313), key);

        assertThat(retried.status()).as("%s", retried).isEqualTo(201);
        assertThat(retried.header(REPLAYED)).isNull();
        assertThat(ticketIds(concert)).hasSize(1);
    }

    @Test
    void keysAreForgottenAfterTheirRetention() {
        String concert = concert(5);
        String key = newKey();
        try (AppInstance forgetful = startNodeOnSameDatabase(
                "ticketoverflow.idempotency.retention=1s", "ticketoverflow.idempotency.cleanup-interval=200ms")) {
            String first = buy(forgetful.api(), concert, user(314), key)
                    .json()
                    .get("id")
                    .stringValue();

            await("the key forgotten")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> buy(forgetful.api(), concert, user(314), key).header(REPLAYED) == null);

            assertThat(ticketIds(concert)).hasSize(2).contains(first);
        }
    }

    static ApiResponse buy(ApiClient node, String concert, String user, String key) {
        return node.post(TICKETS, purchaseJson(concert, user), KEY, key);
    }

    static String purchaseJson(String concert, String user) {
        return "{\"concert_id\": \"%s\", \"user_id\": \"%s\"}".formatted(concert, user);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    String concert(int capacity) {
        return api.createConcert(capacity).get("id").stringValue();
    }

    Set<String> ticketIds(String concert) {
        JsonNode tickets = api.tickets("concert_id=" + concert);
        return tickets.valueStream().map(t -> t.get("id").stringValue()).collect(Collectors.toSet());
    }
}
