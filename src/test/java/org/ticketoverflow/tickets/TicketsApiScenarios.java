package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.support.ApiClient.user;
import static org.ticketoverflow.support.Problems.assertInvalidField;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.HttpScenario;
import tools.jackson.databind.JsonNode;

/** Every row of API.md for /tickets (purchase and queries), through HTTP. */
abstract class TicketsApiScenarios extends HttpScenario {

    private static final String TICKETS = "/api/v1/tickets";
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void purchaseAnswersExactlyTheFourKeysWithAbsoluteUrlsFromTheRequest() {
        String concertId = api.createConcert(5).get("id").stringValue();

        ApiResponse bought = api.purchase(concertId, user(7));

        assertThat(bought.status()).as("%s", bought).isEqualTo(201);
        assertThat(bought.contentType()).startsWith("application/json");
        JsonNode ticket = bought.json();
        assertThat(ticket.propertyNames()).containsExactlyInAnyOrder("id", "concert", "user", "print_status");
        assertThat(ticket.get("id").stringValue()).matches(UUID_SHAPE);
        assertThat(ticket.get("concert").propertyNames()).containsExactlyInAnyOrder("id", "url");
        assertThat(ticket.get("user").propertyNames()).containsExactlyInAnyOrder("id", "url");
        assertThat(ticket.at("/concert/id").stringValue()).isEqualTo(concertId);
        assertThat(ticket.at("/concert/url").stringValue()).isEqualTo(api.baseUrl() + "/api/v1/concerts/" + concertId);
        assertThat(ticket.at("/user/id").stringValue()).isEqualTo(user(7));
        assertThat(ticket.at("/user/url").stringValue()).isEqualTo(api.baseUrl() + "/api/v1/users/" + user(7));
        assertThat(ticket.get("print_status").stringValue()).isEqualTo("NOT_PRINTED");
        assertThat(bought.header("Location"))
                .isEqualTo(api.baseUrl() + TICKETS + "/" + ticket.get("id").stringValue());
    }

    @Test
    void linksFollowTheHostTheClientUsedBehindALoadBalancer() {
        String concertId = api.createConcert(5).get("id").stringValue();
        String[] forwarded = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "tickets.example.com"};

        ApiResponse bought = api.post(TICKETS, """
                {"concert_id": "%s", "user_id": "%s"}""".formatted(concertId, user(8)), forwarded);

        assertThat(bought.status()).as("%s", bought).isEqualTo(201);
        JsonNode ticket = bought.json();
        String id = ticket.get("id").stringValue();
        assertThat(ticket.at("/concert/url").stringValue())
                .isEqualTo("https://tickets.example.com/api/v1/concerts/" + concertId);
        assertThat(ticket.at("/user/url").stringValue())
                .isEqualTo("https://tickets.example.com/api/v1/users/" + user(8));
        assertThat(bought.header("Location")).isEqualTo("https://tickets.example.com/api/v1/tickets/" + id);
        assertThat(api.get(TICKETS + "/" + id, forwarded).json()).isEqualTo(ticket);
        assertThat(api.get(TICKETS + "?concert_id=" + concertId, forwarded)
                        .json()
                        .get(0))
                .isEqualTo(ticket);
        assertThat(api.get(TICKETS + "/" + id).json().at("/concert/url").stringValue())
                .isEqualTo(api.baseUrl() + "/api/v1/concerts/" + concertId);
    }

    @Test
    void readsBackTheTicketAsPurchased() {
        String concertId = api.createConcert(5).get("id").stringValue();
        JsonNode ticket = api.purchase(concertId, user(9)).json();

        ApiResponse read = api.get(TICKETS + "/" + ticket.get("id").stringValue());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.json()).isEqualTo(ticket);
    }

    @Test
    void answers404ForUnknownTicket() {
        assertProblem(api.get(TICKETS + "/00000000-0000-0000-0000-000000000000"), 404);
        assertProblem(api.get(TICKETS + "/no-such-ticket"), 404);
    }

    @Test
    void filtersByUserByConcertAndByBoth() {
        String a = api.createConcert(10).get("id").stringValue();
        String b = api.createConcert(10).get("id").stringValue();
        String u1 = user(101);
        String u2 = user(102);
        JsonNode u1a = api.purchase(a, u1).json();
        JsonNode u1b = api.purchase(b, u1).json();
        JsonNode u2a = api.purchase(a, u2).json();
        JsonNode u1a2 = api.purchase(a, u1).json();

        assertThat(api.tickets("concert_id=" + a).values()).containsExactlyInAnyOrder(u1a, u2a, u1a2);
        assertThat(api.tickets("concert_id=" + b).values()).containsExactly(u1b);
        assertThat(api.tickets("user_id=" + u1).values())
                .contains(u1a, u1b, u1a2)
                .doesNotContain(u2a)
                .allMatch(t -> t.at("/user/id").stringValue().equals(u1));
        assertThat(api.tickets("user_id=" + u1 + "&concert_id=" + a).values()).containsExactlyInAnyOrder(u1a, u1a2);
        assertThat(api.tickets("concert_id=" + b + "&user_id=" + u2).values()).isEmpty();
        assertThat(api.tickets("").values()).contains(u1a, u1b, u2a, u1a2);
    }

    @Test
    void listsNothingForAnExistingUserOrConcertWithoutTickets() {
        String concertId = api.createConcert(10).get("id").stringValue();

        assertThat(api.tickets("concert_id=" + concertId).isArray()).isTrue();
        assertThat(api.tickets("concert_id=" + concertId).size()).isZero();
        assertThat(api.tickets("user_id=" + ApiClient.USER_WITHOUT_TICKETS).size())
                .isZero();
        assertThat(api.tickets("user_id=" + ApiClient.USER_WITHOUT_TICKETS + "&concert_id=" + concertId)
                        .size())
                .isZero();
    }

    @Test
    void answers404WhenAFilterNamesAnUnknownUserOrConcert() {
        String concertId = api.createConcert(10).get("id").stringValue();

        assertProblem(api.get(TICKETS + "?user_id=" + ApiClient.UNKNOWN_USER), 404);
        assertProblem(api.get(TICKETS + "?user_id=nobody"), 404);
        assertProblem(api.get(TICKETS + "?concert_id=00000000-0000-0000-0000-000000000000"), 404);
        assertProblem(api.get(TICKETS + "?concert_id=" + concertId + "&user_id=" + ApiClient.UNKNOWN_USER), 404);
        assertProblem(api.get(TICKETS + "?user_id=" + user(1) + "&concert_id=no-such-concert"), 404);
    }

    static Stream<Arguments> invalidPurchases() {
        return Stream.of(
                Arguments.of("missing concert_id", "{\"user_id\": \"%2$s\"}", "concert_id"),
                Arguments.of("missing user_id", "{\"concert_id\": \"%1$s\"}", "user_id"),
                Arguments.of("unknown key", "{\"concert_id\": \"%1$s\", \"user_id\": \"%2$s\", \"seat\": 4}", "seat"),
                Arguments.of("numeric concert_id", "{\"concert_id\": 123, \"user_id\": \"%2$s\"}", "concert_id"),
                Arguments.of("numeric user_id", "{\"concert_id\": \"%1$s\", \"user_id\": 1}", "user_id"),
                Arguments.of("null concert_id", "{\"concert_id\": null, \"user_id\": \"%2$s\"}", "concert_id"),
                Arguments.of("object user_id", "{\"concert_id\": \"%1$s\", \"user_id\": {}}", "user_id"),
                Arguments.of("empty user_id", "{\"concert_id\": \"%1$s\", \"user_id\": \"\"}", "user_id"),
                Arguments.of(
                        "unknown concert_id",
                        "{\"concert_id\": \"00000000-0000-0000-0000-000000000000\", " + "\"user_id\": \"%2$s\"}",
                        "concert_id"),
                Arguments.of(
                        "unknown user_id",
                        "{\"concert_id\": \"%1$s\", \"user_id\": \"" + ApiClient.UNKNOWN_USER + "\"}",
                        "user_id"),
                Arguments.of("non-uuid user_id", "{\"concert_id\": \"%1$s\", \"user_id\": \"nobody\"}", "user_id"),
                Arguments.of("null user_id", "{\"concert_id\": \"%1$s\", \"user_id\": null}", "user_id"),
                Arguments.of("boolean concert_id", "{\"concert_id\": true, \"user_id\": \"%2$s\"}", "concert_id"),
                Arguments.of("array concert_id", "{\"concert_id\": [\"%1$s\"], \"user_id\": \"%2$s\"}", "concert_id"),
                Arguments.of("fractional user_id", "{\"concert_id\": \"%1$s\", \"user_id\": 1.5}", "user_id"),
                Arguments.of("blank concert_id", "{\"concert_id\": \"   \", \"user_id\": \"%2$s\"}", "concert_id"),
                Arguments.of(
                        "over-long concert_id",
                        "{\"concert_id\": \"" + "c".repeat(101) + "\", \"user_id\": \"%2$s\"}",
                        "concert_id"),
                Arguments.of(
                        "duplicate concert_id",
                        "{\"concert_id\": \"%1$s\", \"user_id\": \"%2$s\", \"concert_id\": \"%1$s\"}",
                        "concert_id"),
                Arguments.of(
                        "duplicate user_id",
                        "{\"concert_id\": \"%1$s\", \"user_id\": \"%2$s\", \"user_id\": \"%2$s\"}",
                        "user_id"),
                Arguments.of(
                        "unknown key first, with a nested value",
                        "{\"seats\": [1, {\"a\": 2}], \"concert_id\": 5, \"user_id\": \"%2$s\"}",
                        "seats"),
                Arguments.of(
                        "key differing in case", "{\"Concert_Id\": \"%1$s\", \"user_id\": \"%2$s\"}", "Concert_Id"),
                Arguments.of(
                        "unknown key beside valid ones",
                        "{\"concert_id\": \"%1$s\", \"user_id\": \"%2$s\", \"idempotency\": null}",
                        "idempotency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPurchases")
    void rejectsInvalidPurchaseNamingTheFieldAndSellsNothing(String description, String body, String field) {
        String concertId = api.createConcert(3).get("id").stringValue();

        assertInvalidField(api.post(TICKETS, body.formatted(concertId, user(11))), field);

        assertThat(api.tickets("concert_id=" + concertId).size()).isZero();
        assertThat(api.concert(concertId).get("status").stringValue()).isEqualTo("ACTIVE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableBodies")
    void rejectsUnusablePurchaseBody(String description, String body) {
        int before = api.tickets("user_id=" + user(12)).size();

        assertProblem(api.post(TICKETS, body), 400);

        assertThat(api.tickets("user_id=" + user(12)).size()).isEqualTo(before);
    }

    static Stream<Arguments> unusableBodies() {
        return Stream.of(
                Arguments.of("empty object", "{}"),
                Arguments.of("malformed JSON", "{\"concert_id\": "),
                Arguments.of("JSON array", "[{\"concert_id\": \"x\", \"user_id\": \"" + user(12) + "\"}]"),
                Arguments.of("JSON null", "null"),
                Arguments.of("JSON string", "\"ticket\""),
                Arguments.of("JSON number", "42"),
                Arguments.of("empty array", "[]"),
                Arguments.of("no body", ""),
                Arguments.of("only whitespace", "  \n "));
    }

    /** Not one JSON value: the malformed-JSON problem, whatever the fields would have been. */
    static Stream<Arguments> malformedPurchaseBodies() {
        return Stream.of(
                Arguments.of("cut off", "{\"concert_id\": "),
                Arguments.of("no body", ""),
                Arguments.of("only whitespace", "   "),
                Arguments.of("trailing garbage", "{\"concert_id\": \"%1$s\", \"user_id\": \"%2$s\"} x"),
                Arguments.of("two objects", "{\"concert_id\": \"%1$s\", \"user_id\": \"%2$s\"}{}"),
                Arguments.of("trailing comma", "{\"concert_id\": \"%1$s\", \"user_id\": \"%2$s\",}"),
                Arguments.of("single quotes", "{'concert_id': '%1$s', 'user_id': '%2$s'}"),
                Arguments.of("unquoted key", "{concert_id: \"%1$s\", \"user_id\": \"%2$s\"}"),
                Arguments.of("unterminated string", "{\"concert_id\": \"%1$s\", \"user_id\": \"%2$s}"),
                Arguments.of("unknown key, then cut off", "{\"seat\": 4, \"concert_id\": "),
                Arguments.of("nested too deep", "[".repeat(2000) + "]".repeat(2000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPurchaseBodies")
    void answersMalformedJsonForABodyThatIsNotOneJsonValue(String description, String body) {
        String concertId = api.createConcert(3).get("id").stringValue();

        JsonNode problem = assertProblem(api.post(TICKETS, body.formatted(concertId, user(12))), 400);

        assertThat(problem.get("type").stringValue()).isEqualTo("https://ticketoverflow.org/problems/malformed-json");
        assertThat(problem.get("detail").stringValue()).isEqualTo("The request body is not valid JSON or is missing");
        assertThat(problem.has("field")).isFalse();
        assertThat(api.tickets("concert_id=" + concertId).size()).isZero();
    }

    @Test
    void refusesAPurchaseThatIsNotJson() {
        String concertId = api.createConcert(3).get("id").stringValue();

        ApiResponse plain = api.send(
                "POST",
                TICKETS,
                java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"concert_id\": \"%s\", \"user_id\": \"%s\"}".formatted(concertId, user(12))),
                "text/plain");

        assertProblem(plain, 415);
        assertThat(api.tickets("concert_id=" + concertId).size()).isZero();
    }

    @Test
    void refuses422WhenNoSeatsAreLeft() {
        String concertId = api.createConcert(1).get("id").stringValue();
        assertThat(api.purchase(concertId, user(13)).status()).isEqualTo(201);

        JsonNode problem = assertProblem(api.purchase(concertId, user(14)), 422);

        assertThat(problem.get("detail").stringValue()).containsIgnoringCase("seats");
        assertThat(api.tickets("concert_id=" + concertId).size()).isOne();
    }

    @Test
    void refuses422ForAConcertCreatedSoldOut() {
        String concertId = api.createConcert(50, "SOLD_OUT").get("id").stringValue();

        assertProblem(api.purchase(concertId, user(15)), 422);

        assertThat(api.tickets("concert_id=" + concertId).size()).isZero();
    }

    @Test
    void letsOneUserBuyAsManyTicketsAsThereAreSeats() {
        String concertId = api.createConcert(60).get("id").stringValue();
        Set<String> ids = new HashSet<>();

        for (int i = 0; i < 60; i++) {
            ApiResponse bought = api.purchase(concertId, user(16));
            assertThat(bought.status()).as("purchase %d: %s", i, bought).isEqualTo(201);
            ids.add(bought.json().get("id").stringValue());
        }

        assertThat(ids).hasSize(60);
        List<String> listed = api.tickets("concert_id=" + concertId + "&user_id=" + user(16)).values().stream()
                .map(t -> t.get("id").stringValue())
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(api.concert(concertId).get("status").stringValue()).isEqualTo("SOLD_OUT");
        assertProblem(api.purchase(concertId, user(16)), 422);
    }

    @Test
    void pagesOfAUsersTicketsAtAConcertAddUpToTheFullListInPurchaseOrder() {
        String a = api.createConcert(20).get("id").stringValue();
        String b = api.createConcert(20).get("id").stringValue();
        for (int i = 0; i < 7; i++) {
            assertThat(api.purchase(a, user(17)).status()).isEqualTo(201);
            assertThat(api.purchase(b, user(17)).status()).isEqualTo(201);
            assertThat(api.purchase(a, user(18)).status()).isEqualTo(201);
        }
        String filters = "user_id=" + user(17) + "&concert_id=" + a;
        List<JsonNode> full = List.copyOf(api.tickets(filters).values());

        List<ApiResponse> pages = api.pages(TICKETS + "?" + filters + "&limit=3");

        assertThat(full).hasSize(7);
        assertThat(pages).hasSize(3);
        assertThat(ApiClient.rows(pages)).containsExactlyElementsOf(full);
        assertThat(pages.stream().map(p -> p.json().size())).containsExactly(3, 3, 1);
        assertThat(ApiClient.nextLink(pages.get(0)))
                .startsWith(api.baseUrl() + TICKETS + "?")
                .contains("user_id=" + user(17), "concert_id=" + a, "limit=3", "after=");
        assertThat(pages.getLast().header("Link")).isNull();
        assertThat(api.pages(TICKETS + "?concert_id=" + b + "&limit=7")).hasSize(1);
    }

    @Test
    void pagesOfEveryFilterFollowTheUnpagedListAndNewPurchasesComeLast() {
        String concertId = api.createConcert(20).get("id").stringValue();
        for (int i = 0; i < 5; i++) {
            assertThat(api.purchase(concertId, user(19 + i % 2)).status()).isEqualTo(201);
        }
        for (String filters : List.of("concert_id=" + concertId, "user_id=" + user(19), "")) {
            List<JsonNode> full = List.copyOf(api.tickets(filters).values());
            assertThat(ApiClient.rows(api.pages(TICKETS + "?" + filters + "&limit=2")))
                    .as(filters)
                    .containsExactlyElementsOf(full);
        }

        ApiResponse first = api.get(TICKETS + "?concert_id=" + concertId + "&limit=4");
        JsonNode late = api.purchase(concertId, user(21)).json();
        List<ApiResponse> rest =
                api.pages(ApiClient.nextLink(first).substring(api.baseUrl().length()));

        assertThat(first.json().values()).hasSize(4);
        assertThat(ApiClient.rows(rest)).hasSize(2).endsWith(late);
    }

    @Test
    void anUnpagedListStartsAfterACursorToo() {
        String concertId = api.createConcert(5).get("id").stringValue();
        for (int i = 0; i < 3; i++) {
            api.purchase(concertId, user(22));
        }
        ApiResponse first = api.get(TICKETS + "?concert_id=" + concertId + "&limit=1");
        String after = ApiClient.nextLink(first).replaceAll(".*after=", "");

        JsonNode rest = api.tickets("concert_id=" + concertId + "&after=" + after);

        assertThat(rest.values())
                .containsExactlyElementsOf(
                        List.copyOf(api.tickets("concert_id=" + concertId).values())
                                .subList(1, 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "limit=0|limit",
                "limit=1001|limit",
                "limit=-1|limit",
                "limit=ten|limit",
                "limit=|limit",
                "limit=2.5|limit",
                "limit=99999999999|limit",
                "after=not-a-cursor!|after",
                "after=YWJj|after",
                "after=|after",
                "limit=5&after=%25%25|after"
            })
    void rejectsABadPageRequestNamingTheParameter(String query, String field) {
        assertInvalidField(api.get(TICKETS + "?" + query), field);
        assertInvalidField(api.get(TICKETS + "?user_id=" + user(1) + "&" + query), field);
    }
}
