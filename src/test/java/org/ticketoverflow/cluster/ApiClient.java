package org.ticketoverflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.ticketoverflow.support.Exchange;
import org.ticketoverflow.support.OpenApiContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the public HTTP API, aimed at whichever node a call names: plain JDK HTTP, as a front end would be.
 * Every answer is checked against the OpenAPI document, as in the other HTTP tests.
 */
final class ApiClient {

    static final String USER = "00000000-0000-0000-0000-000000000001";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A purchase answer: the status, and the ticket id when it is a 201. */
    record Purchase(int status, String ticketId) {}

    String createConcert(NodeProcess node, String name, int capacity) {
        String body = """
                {"name": "%s", "venue": "Cluster Hall", "date": "2030-06-01", "capacity": %d, "status": "ACTIVE"}
                """.formatted(name, capacity);
        HttpResponse<String> response = unchecked(() -> send(post(node, "/api/v1/concerts", body)));
        if (response.statusCode() != 201) {
            throw new AssertionError(
                    "creating a concert on " + node + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).get("id").asString();
    }

    /** Buys one ticket; an IOException means no answer came (e.g. the node died with the request in flight). */
    Purchase purchase(NodeProcess node, String concertId) throws IOException {
        String body = """
                {"concert_id": "%s", "user_id": "%s"}
                """.formatted(concertId, USER);
        HttpResponse<String> response = send(post(node, "/api/v1/tickets", body));
        String ticketId = response.statusCode() == 201
                ? json.readTree(response.body()).get("id").asString()
                : null;
        return new Purchase(response.statusCode(), ticketId);
    }

    /** A keyed purchase answer: the status, the ticket id of a 201, whether it was replayed from the key's record. */
    record KeyedPurchase(int status, String ticketId, boolean replayed) {}

    /** Buys one ticket under an Idempotency-Key; an IOException means no answer came. */
    KeyedPurchase purchase(NodeProcess node, String concertId, String key) throws IOException {
        String body = """
                {"concert_id": "%s", "user_id": "%s"}
                """.formatted(concertId, USER);
        HttpRequest request = HttpRequest.newBuilder(node.uri("/api/v1/tickets"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        String ticketId = response.statusCode() == 201
                ? json.readTree(response.body()).get("id").asString()
                : null;
        return new KeyedPurchase(
                response.statusCode(),
                ticketId,
                response.headers()
                        .firstValue("Idempotent-Replayed")
                        .map("true"::equals)
                        .orElse(false));
    }

    int requestPrint(NodeProcess node, String ticketId) {
        return unchecked(() -> send(post(node, "/api/v1/tickets/" + ticketId + "/print", "")))
                .statusCode();
    }

    HttpResponse<String> get(NodeProcess node, String path) {
        return unchecked(() -> send(HttpRequest.newBuilder(node.uri(path))
                .timeout(Duration.ofSeconds(30))
                .build()));
    }

    JsonNode getJson(NodeProcess node, String path) {
        HttpResponse<String> response = get(node, path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " on " + node + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    /** The node's Prometheus exposition. */
    Prometheus scrape(NodeProcess node) {
        return new Prometheus(get(node, "/actuator/prometheus").body());
    }

    private static HttpRequest post(NodeProcess node, String path, String body) {
        return HttpRequest.newBuilder(node.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Sends, and checks the answer against the OpenAPI document (the request body is not shown to the check). */
    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String target = request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null
                            ? ""
                            : "?" + request.uri().getRawQuery());
            Map<String, String> headers = new HashMap<>();
            request.headers().map().forEach((name, values) -> headers.put(name, values.getFirst()));
            OpenApiContract.shipped()
                    .check(new Exchange(
                            request.method(),
                            target,
                            headers,
                            null,
                            response.statusCode(),
                            response.headers(),
                            response.body()));
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private interface Call<T> {
        T call() throws IOException;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
