package org.ticketoverflow.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import tools.jackson.databind.json.JsonMapper;

/** The print calls of API.md as a client makes them, each asserting the contract's status codes. */
final class Prints {

    static final String SVG = "image/svg+xml";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Prints() {}

    /** Creates an ACTIVE concert; names may hold anything (they are JSON-escaped here). */
    static String createConcert(ApiClient api, String name, String venue, String date, int capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("venue", venue);
        body.put("date", date);
        body.put("capacity", capacity);
        body.put("status", "ACTIVE");
        ApiResponse created = api.post("/api/v1/concerts", JSON.writeValueAsString(body));
        assertThat(created.status()).as("create concert: %s", created).isEqualTo(201);
        return created.json().get("id").stringValue();
    }

    static ApiResponse rename(ApiClient api, String concertId, String name) {
        ApiResponse renamed = api.put("/api/v1/concerts/" + concertId, JSON.writeValueAsString(Map.of("name", name)));
        assertThat(renamed.status()).as("rename to %s: %s", name, renamed).isEqualTo(200);
        return renamed;
    }

    /** Buys {@code count} tickets, ticket {@code i} for {@code user.apply(i)}; their ids in purchase order. */
    static List<String> buy(ApiClient api, String concertId, int count, IntFunction<String> user) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiResponse bought = api.purchase(concertId, user.apply(i));
            assertThat(bought.status()).as("purchase %d: %s", i, bought).isEqualTo(201);
            ids.add(bought.json().get("id").stringValue());
        }
        return ids;
    }

    /** A bare POST, without body or Content-Type, as most clients send it. */
    static void requestPrint(ApiClient api, String ticketId) {
        ApiResponse accepted =
                api.send("POST", "/api/v1/tickets/" + ticketId + "/print", BodyPublishers.noBody(), null);
        assertThat(accepted.status())
                .as("POST print of %s: %s", ticketId, accepted)
                .isEqualTo(202);
    }

    static String status(ApiClient api, String ticketId) {
        ApiResponse ticket = api.get("/api/v1/tickets/" + ticketId);
        assertThat(ticket.status()).as("GET ticket %s: %s", ticketId, ticket).isEqualTo(200);
        return ticket.json().get("print_status").stringValue();
    }

    /** Each ticket's print status as GET /tickets?concert_id= lists it. */
    static Map<String, String> statuses(ApiClient api, String concertId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        api.tickets("concert_id=" + concertId)
                .values()
                .forEach(t -> statuses.put(
                        t.get("id").stringValue(), t.get("print_status").stringValue()));
        return statuses;
    }

    static void awaitStatus(ApiClient api, String ticketId, String status) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(status(api, ticketId)).isEqualTo(status));
    }

    static void awaitAllPrinted(ApiClient api, String concertId) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(statuses(api, concertId).values())
                        .isNotEmpty()
                        .containsOnly("PRINTED"));
    }

    /** GET print, asserting 200 with exactly {@value #SVG}; the SVG. */
    static String svg(ApiClient api, String ticketId) {
        ApiResponse print = api.get("/api/v1/tickets/" + ticketId + "/print");
        assertThat(print.status()).as("GET print of %s: %s", ticketId, print).isEqualTo(200);
        assertThat(print.contentType()).isEqualTo(SVG);
        return print.body();
    }
}
