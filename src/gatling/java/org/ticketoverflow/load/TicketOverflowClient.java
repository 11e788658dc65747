package org.ticketoverflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A plain HTTP client of the API for the set-up ({@code before()}) and the checks of the simulations: the
 * traffic that is not the load itself. Errors throw, so a broken set-up stops the run instead of measuring
 * nothing.
 */
final class TicketOverflowClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_SHED_RETRIES = 60;

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TicketOverflowClient(URI base) {
        this.base = base;
    }

    void awaitUp(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = send(get("/api/v1/concerts/health"));
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException(
                "TicketOverflow is not up at " + base + " (" + last + "); start it or pass -DbaseUrl=...");
    }

    String createConcert(String name, String venue, LocalDate date, int capacity) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", name)
                .put("venue", venue)
                .put("date", date.toString())
                .put("capacity", capacity)
                .put("status", "ACTIVE");
        HttpResponse<String> response = send(request("/api/v1/concerts")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        expect(response, 201, "create concert " + name);
        return json(response).path("id").asText();
    }

    JsonNode concert(String id) {
        HttpResponse<String> response = send(get("/api/v1/concerts/" + id));
        expect(response, 200, "get concert " + id);
        return json(response);
    }

    JsonNode tickets(String concertId) {
        HttpResponse<String> response = send(get("/api/v1/tickets?concert_id=" + concertId));
        expect(response, 200, "list tickets of " + concertId);
        return json(response);
    }

    /** One purchase, waiting out sheds (503 + Retry-After); empty when sold out (422). */
    Optional<String> buy(String concertId, String userId) {
        String body = JSON.createObjectNode()
                .put("concert_id", concertId)
                .put("user_id", userId)
                .toString();
        for (int attempt = 0; attempt < MAX_SHED_RETRIES; attempt++) {
            HttpResponse<String> response = send(request("/api/v1/tickets")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            switch (response.statusCode()) {
                case 201 -> {
                    return Optional.of(json(response).path("id").asText());
                }
                case 422 -> {
                    return Optional.empty();
                }
                case 503 -> sleep(Duration.ofSeconds(retryAfterSeconds(response)));
                default -> expect(response, 201, "buy a ticket for " + concertId);
            }
        }
        throw new IllegalStateException("purchase for " + concertId + " shed " + MAX_SHED_RETRIES + " times");
    }

    /** Buys {@code count} tickets with a few requests in flight at once, returning their ids. */
    List<String> buyMany(String concertId, int count, int parallelism) {
        try (var executor =
                Executors.newFixedThreadPool(parallelism, Thread.ofVirtual().factory())) {
            List<Future<Optional<String>>> purchases = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String user = Users.id(i % Users.COUNT + 1);
                purchases.add(executor.submit(() -> buy(concertId, user)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Optional<String>> purchase : purchases) {
                purchase.get().ifPresent(ids::add);
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("set-up purchase failed", e.getCause());
        }
    }

    /** Waits until the concert's first seating plan is served; answers when it was (epoch millis). */
    long awaitSeatingPlan(String concertId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (send(get("/api/v1/concerts/" + concertId + "/seats")).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no seating plan for " + concertId + " after " + patience);
            }
            sleep(Duration.ofMillis(250));
        }
        return System.currentTimeMillis();
    }

    /** A metric of the server from the actuator, if it exposes it; diagnostic only. */
    Optional<Double> metric(String name, String tag) {
        try {
            HttpResponse<String> response = send(get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag)));
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode measurement = json(response).path("measurements").path(0).path("value");
            return measurement.isNumber() ? Optional.of(measurement.asDouble()) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    static long retryAfterSeconds(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(TicketOverflowClient::parseRetryAfter)
                .orElse(1L);
    }

    static long parseRetryAfter(String value) {
        try {
            return Math.clamp(Long.parseLong(value.trim()), 1, 30);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(body), e);
        }
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + " but got " + response.statusCode()
                    + " " + abbreviate(response.body()));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
