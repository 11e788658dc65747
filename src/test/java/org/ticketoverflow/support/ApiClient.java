package org.ticketoverflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Talks to a running application over real HTTP (java.net.http), as any client would. One HTTP/1.1 client is
 * shared by every test: its connection pool is the only state, and sharing it keeps races from opening
 * thousands of sockets. Every exchange passes through {@link OpenApiContract}: an answer that the shipped
 * OpenAPI document does not describe fails the test that got it.
 */
public final class ApiClient {

    /** A user no test ever buys for, so filtering by it always finds no tickets. */
    public static final String USER_WITHOUT_TICKETS = "00000000-0000-0000-0000-000000004999";
    /** A well-formed user id the users service does not know. */
    public static final String UNKNOWN_USER = "00000000-0000-0000-0000-000000009999";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** User 1 … 4000: the users tests buy for (4999 stays without tickets). */
    public static String user(int number) {
        if (number < 1 || number > 4000) {
            throw new IllegalArgumentException("test buyers are users 1 … 4000");
        }
        return "00000000-0000-0000-0000-%012d".formatted(number);
    }

    public ApiResponse get(String path, String... headers) {
        return exchange("GET", path, BodyPublishers.noBody(), "", null, headers);
    }

    public ApiResponse post(String path, String json, String... headers) {
        return exchange("POST", path, BodyPublishers.ofString(json), json, "application/json", headers);
    }

    public ApiResponse put(String path, String json, String... headers) {
        return exchange("PUT", path, BodyPublishers.ofString(json), json, "application/json", headers);
    }

    /**
     * Any request; {@code headers} are name, value pairs. A null content type sends none. The answer is checked
     * against the OpenAPI document, the request too when it was accepted, though not this body (it cannot be shown).
     */
    public ApiResponse send(String method, String path, BodyPublisher body, String contentType, String... headers) {
        return exchange(method, path, body, null, contentType, headers);
    }

    private ApiResponse exchange(
            String method, String path, BodyPublisher body, String shownBody, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .method(method, body);
        Map<String, String> sent = new HashMap<>();
        if (contentType != null) {
            request.header("Content-Type", contentType);
            sent.put("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            sent.put(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        OpenApiContract.shipped()
                .check(new Exchange(
                        method, path, sent, shownBody, response.statusCode(), response.headers(), response.body()));
        return new ApiResponse(response.statusCode(), response.headers(), response.body(), elapsed);
    }

    /** A concert body with every field given. */
    public static String concertJson(String name, String venue, String date, int capacity, String status) {
        return """
                {"name": "%s", "venue": "%s", "date": "%s", "capacity": %d, "status": "%s"}\
                """.formatted(name, venue, date, capacity, status);
    }

    /** Creates a fresh ACTIVE concert and returns it as the API answered (asserting 201). */
    public JsonNode createConcert(int capacity) {
        return createConcert(capacity, "ACTIVE");
    }

    public JsonNode createConcert(int capacity, String status) {
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        ApiResponse created = post(
                "/api/v1/concerts",
                concertJson("Concert " + n, "Venue " + n, "2030-05-%02d".formatted(1 + n % 28), capacity, status));
        assertThat(created.status()).as("create concert: %s", created).isEqualTo(201);
        return created.json();
    }

    public ApiResponse purchase(String concertId, String userId) {
        return post("/api/v1/tickets", """
                {"concert_id": "%s", "user_id": "%s"}""".formatted(concertId, userId));
    }

    public JsonNode concert(String id) {
        ApiResponse concert = get("/api/v1/concerts/" + id);
        assertThat(concert.status()).as("GET concert %s: %s", id, concert).isEqualTo(200);
        return concert.json();
    }

    /** GET /tickets with an optional query such as {@code concert_id=…}, asserting 200. */
    public JsonNode tickets(String query) {
        ApiResponse tickets = get("/api/v1/tickets" + (query.isEmpty() ? "" : "?" + query));
        assertThat(tickets.status()).as("GET tickets?%s: %s", query, tickets).isEqualTo(200);
        return tickets.json();
    }

    /** The ids of a concert's tickets, as GET /tickets?concert_id=… lists them. */
    public List<String> ticketIdsOf(String concertId) {
        return tickets("concert_id=" + concertId).values().stream()
                .map(t -> t.get("id").stringValue())
                .toList();
    }

    /**
     * Reads a paged list from {@code pathAndQuery} (which carries {@code limit}) to its end, following each page's
     * {@code Link: <…>; rel="next"}, asserting 200 and a JSON array on every page; returns the pages in order.
     */
    public List<ApiResponse> pages(String pathAndQuery) {
        List<ApiResponse> pages = new ArrayList<>();
        String next = pathAndQuery;
        while (next != null) {
            ApiResponse page = get(next);
            assertThat(page.status()).as("GET %s: %s", next, page).isEqualTo(200);
            assertThat(page.json().isArray()).as("GET %s: %s", next, page).isTrue();
            pages.add(page);
            String link = nextLink(page);
            assertThat(link == null || link.startsWith(baseUrl))
                    .as("next link %s", link)
                    .isTrue();
            next = link == null ? null : link.substring(baseUrl.length());
            assertThat(pages).as("pages of %s", pathAndQuery).hasSizeLessThan(10_000);
        }
        return pages;
    }

    /** The target of a response's {@code Link: <…>; rel="next"}, or null when there is none. */
    public static String nextLink(ApiResponse response) {
        String link = response.header("Link");
        if (link == null) {
            return null;
        }
        Matcher next = NEXT_LINK.matcher(link);
        assertThat(next.matches()).as("Link header %s", link).isTrue();
        return next.group(1);
    }

    /** Every element of the pages, in order. */
    public static List<JsonNode> rows(List<ApiResponse> pages) {
        List<JsonNode> rows = new ArrayList<>();
        pages.forEach(page -> rows.addAll(page.json().values()));
        return rows;
    }

    public int concertCount() {
        ApiResponse all = get("/api/v1/concerts");
        assertThat(all.status()).isEqualTo(200);
        return all.json().size();
    }
}
