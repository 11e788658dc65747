package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.OnH2;
import org.ticketoverflow.support.PrometheusScrape;

/**
 * The purchase answered without MVC's dispatch ({@link PurchasesWithoutDispatch}) answers exactly as MVC does,
 * with and without an Idempotency-Key: the same status, headers and body (the concert's and the new ticket's ids
 * aside), and the same {@code http.server.requests} series. Each case is sent twice: once as the filter takes it,
 * once with an {@code Accept} header that means the same to MVC but that the filter leaves to MVC.
 */
@OnH2
class PurchasesWithoutDispatchOnH2IntegrationTests extends HttpScenario {

    /** Means "anything" to MVC's content negotiation, as no Accept header does, but is not one the filter takes. */
    private static final String[] TO_MVC = {"Accept", "*/*;q=0.9"};

    private static final String REQUESTS = "http_server_requests_seconds_count";

    private static final Pattern CONCERT_ID = Pattern.compile("\"concert_id\": \"([^\"]+)\"");

    enum Case {
        SOLD,
        UNKNOWN_USER,
        UNKNOWN_CONCERT,
        SOLD_OUT,
        CANCELLED,
        MALFORMED,
        EXTRA_FIELD,
        EMPTY
    }

    @ParameterizedTest
    @EnumSource
    void answersAsMvcDoes(Case purchase) {
        Supplier<String> body = body(purchase);
        String fastBody = body.get();
        String mvcBody = body.get();

        Answer fast = send(fastBody);
        Answer mvc = send(mvcBody, TO_MVC);

        assertSameAnswers(fast, mvc);
    }

    enum KeyedCase {
        SOLD,
        REPLAY,
        OTHER_BODY,
        MALFORMED_KEY,
        UNKNOWN_USER
    }

    @ParameterizedTest
    @EnumSource
    void answersKeyedPurchasesAsMvcDoes(KeyedCase purchase) {
        String fastBody = purchase(api.createConcert(10).get("id").stringValue(), ApiClient.user(4));
        String mvcBody = purchase(api.createConcert(10).get("id").stringValue(), ApiClient.user(4));
        if (purchase == KeyedCase.UNKNOWN_USER) {
            fastBody = fastBody.replace(ApiClient.user(4), ApiClient.UNKNOWN_USER);
            mvcBody = mvcBody.replace(ApiClient.user(4), ApiClient.UNKNOWN_USER);
        }
        String fastKey = purchase == KeyedCase.MALFORMED_KEY
                ? "\"unterminated"
                : UUID.randomUUID().toString();
        String mvcKey = purchase == KeyedCase.MALFORMED_KEY
                ? "\"unterminated"
                : UUID.randomUUID().toString();
        if (purchase == KeyedCase.REPLAY || purchase == KeyedCase.OTHER_BODY) {
            // the first request with the key goes the same way as the one compared
            assertThat(api.post("/api/v1/tickets", fastBody, "Idempotency-Key", fastKey)
                            .status())
                    .isEqualTo(201);
            assertThat(api.post("/api/v1/tickets", mvcBody, "Idempotency-Key", mvcKey, TO_MVC[0], TO_MVC[1])
                            .status())
                    .isEqualTo(201);
        }
        if (purchase == KeyedCase.OTHER_BODY) {
            fastBody = fastBody.replace(ApiClient.user(4), ApiClient.user(5));
            mvcBody = mvcBody.replace(ApiClient.user(4), ApiClient.user(5));
        }

        Answer fast = send(fastBody, "Idempotency-Key", fastKey);
        Answer mvc = send(mvcBody, "Idempotency-Key", mvcKey, TO_MVC[0], TO_MVC[1]);

        assertSameAnswers(fast, mvc);
    }

    /** The same status, headers, body (what each request made its own aside) and counted series. */
    private static void assertSameAnswers(Answer fast, Answer mvc) {
        assertThat(fast.response().status()).isEqualTo(mvc.response().status());
        assertThat(comparable(fast)).isEqualTo(comparable(mvc));
        assertThat(fast.series()).as("http.server.requests series counted").isEqualTo(mvc.series());
        assertThat(fast.series())
                .singleElement()
                .satisfies(series -> assertThat(series)
                        .containsEntry("uri", "/api/v1/tickets")
                        .containsEntry("method", "POST")
                        .containsEntry("status", String.valueOf(fast.response().status())));
    }

    @Test
    void takesOnlyAJsonPostToTheTicketsPathWithAtMostOneKeyAndLeavesEverythingElseToMvc() {
        PurchasesWithoutDispatch filter = new PurchasesWithoutDispatch(null, null);

        assertThat(takes(filter, "POST", "/api/v1/tickets", "application/json", null))
                .isTrue();
        assertThat(takes(filter, "POST", "/api/v1/tickets", "application/json;charset=UTF-8", "*/*"))
                .isTrue();
        assertThat(takes(filter, "POST", "/api/v1/tickets", "application/json", "application/json"))
                .isTrue();

        assertThat(takes(filter, "GET", "/api/v1/tickets", "application/json", null))
                .isFalse();
        assertThat(takes(filter, "POST", "/api/v1/tickets/", "application/json", null))
                .isFalse();
        assertThat(takes(filter, "POST", "/api/v1/concerts", "application/json", null))
                .isFalse();
        assertThat(takes(filter, "POST", "/api/v1/tickets", "text/plain", null)).isFalse();
        assertThat(takes(filter, "POST", "/api/v1/tickets", null, null)).isFalse();
        assertThat(takes(filter, "POST", "/api/v1/tickets", "not a media type", null))
                .isFalse();
        assertThat(takes(filter, "POST", "/api/v1/tickets", "application/json", "text/html"))
                .isFalse();
        assertThat(takes(filter, "POST", "/api/v1/tickets", "application/json", TO_MVC[1]))
                .isFalse();
        MockHttpServletRequest keyed = request("POST", "/api/v1/tickets", "application/json", null);
        keyed.addHeader("Idempotency-Key", "k-1");
        assertThat(filter.shouldNotFilter(keyed)).isFalse();
        // MVC hands two key fields over joined by a comma, which the key's parser refuses with a 400
        keyed.addHeader("Idempotency-Key", "k-2");
        assertThat(filter.shouldNotFilter(keyed)).isTrue();
    }

    @Test
    void requestsLeftToMvcAreAnsweredAsBefore() {
        String concertId = api.createConcert(5).get("id").stringValue();
        String json = purchase(concertId, ApiClient.user(7));

        ApiResponse notJson = api.send("POST", "/api/v1/tickets", BodyPublishers.ofString(json), "text/plain");
        // MVC does not negotiate an answer whose content type the controller set: the ticket, whatever is accepted
        ApiResponse html = api.post("/api/v1/tickets", json, "Accept", "text/html");

        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.contentType()).isEqualTo("application/problem+json");
        assertThat(html.status()).isEqualTo(201);
        assertThat(html.contentType()).isEqualTo("application/json");
        assertThat(api.tickets("concert_id=" + concertId).values()).hasSize(1);
    }

    private static boolean takes(
            PurchasesWithoutDispatch filter, String method, String path, String contentType, String accept) {
        return !filter.shouldNotFilter(request(method, path, contentType, accept));
    }

    private static MockHttpServletRequest request(String method, String path, String contentType, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
            request.addHeader("Content-Type", contentType);
        }
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }

    /** A fresh body for each request of a case: a sold-out case needs its own concert each time. */
    private Supplier<String> body(Case purchase) {
        String user = ApiClient.user(3);
        return switch (purchase) {
            case SOLD -> () -> purchase(api.createConcert(10).get("id").stringValue(), user);
            case UNKNOWN_USER -> () -> purchase(api.createConcert(10).get("id").stringValue(), ApiClient.UNKNOWN_USER);
            case UNKNOWN_CONCERT -> () -> purchase("no-such-concert", user);
            case SOLD_OUT ->
                () -> purchase(api.createConcert(10, "SOLD_OUT").get("id").stringValue(), user);
            case CANCELLED ->
                () -> purchase(api.createConcert(10, "CANCELLED").get("id").stringValue(), user);
            case MALFORMED -> () -> "{\"concert_id\": ";
            case EXTRA_FIELD -> () -> "{\"concert_id\": \"c\", \"user_id\": \"%s\", \"seats\": 2}".formatted(user);
            case EMPTY -> () -> "";
        };
    }

    private static String purchase(String concertId, String userId) {
        return "{\"concert_id\": \"%s\", \"user_id\": \"%s\"}".formatted(concertId, userId);
    }

    /** An answer, the http.server.requests series it counted in, and what its request made its own. */
    private record Answer(ApiResponse response, List<Map<String, String>> series, List<String> varying) {}

    /**
     * Sends one purchase and tells which http.server.requests series of the tickets path it counted in. What
     * differs from one such request to the next (its concert, its key, the ticket it got) is noted, to be taken
     * out before answers are compared.
     */
    private Answer send(String body, String... headers) {
        Map<Map<String, String>, Double> before = PrometheusScrape.of(api).series(REQUESTS);
        ApiResponse response = api.post("/api/v1/tickets", body, headers);
        Map<Map<String, String>, Double> after = PrometheusScrape.of(api).series(REQUESTS);
        List<Map<String, String>> counted = after.entrySet().stream()
                .filter(series -> "/api/v1/tickets".equals(series.getKey().get("uri")))
                .filter(series -> series.getValue() > before.getOrDefault(series.getKey(), 0.0))
                .map(Map.Entry::getKey)
                .toList();
        List<String> varying = new ArrayList<>();
        Matcher concert = CONCERT_ID.matcher(body);
        if (concert.find()) {
            varying.add(concert.group(1));
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equals("Idempotency-Key")) {
                varying.add(headers[i + 1]);
            }
        }
        if (response.status() == 201) {
            varying.add(response.json().get("id").stringValue());
        }
        return new Answer(response, counted, varying);
    }

    /** Status, headers and body, with what differs between two purchases (date, concert, ticket, key) taken out. */
    private static Map<String, Object> comparable(Answer answer) {
        ApiResponse response = answer.response();
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers()
                .map()
                .forEach((name, values) -> headers.put(
                        name,
                        values.stream()
                                .map(value -> without(value, answer.varying()))
                                .toList()));
        headers.remove("date");
        Map<String, Object> shown = new HashMap<>();
        shown.put("status", response.status());
        shown.put("headers", headers);
        shown.put("body", without(response.body(), answer.varying()));
        return shown;
    }

    private static String without(String text, List<String> varying) {
        String shown = text;
        for (String value : varying) {
            shown = shown.replace(value, "ID");
        }
        return shown;
    }
}
