package org.ticketoverflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.HttpScenario;

/** Errors outside the resources' own rules: every one is problem details as JSON. */
abstract class ErrorsApiScenarios extends HttpScenario {

    @ParameterizedTest
    @CsvSource({"/api/v1/nothing", "/api/v2/concerts", "/api/v1/concerts/x/y/z", "/nothing.html"})
    void answersUnknownPathWith404Problem(String path) {
        assertProblem(api.get(path), 404);
    }

    @ParameterizedTest
    @CsvSource({
        "DELETE, /api/v1/concerts",
        "PATCH, /api/v1/concerts/x",
        "DELETE, /api/v1/tickets/x",
        "POST, /api/v1/users",
        "PUT, /api/v1/tickets",
        "POST, /api/v1/concerts/health"
    })
    void answersWrongMethodWith405Problem(String method, String path) {
        ApiResponse response = api.send(method, path, BodyPublishers.ofString("{}"), "application/json");

        assertProblem(response, 405);
        assertThat(response.header("Allow")).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/v1/concerts", "PUT, /api/v1/concerts/x", "POST, /api/v1/tickets"})
    void answersNonJsonBodyWith415Problem(String method, String path) {
        int before = api.concertCount();

        assertProblem(api.send(method, path, BodyPublishers.ofString("name=x"), "text/plain"), 415);
        assertProblem(api.send(method, path, BodyPublishers.ofString("{}"), null), 415);

        assertThat(api.concertCount()).isEqualTo(before);
    }

    @Test
    void acceptsJsonWithACharsetParameter() {
        ApiResponse created = api.send(
                "POST",
                "/api/v1/concerts",
                BodyPublishers.ofString(
                        ApiClient.concertJson("Zoë", "Venue", "2030-01-01", 10, "ACTIVE"), StandardCharsets.UTF_8),
                "application/json; charset=UTF-8");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("name").stringValue()).isEqualTo("Zoë");
    }

    @Test
    void answersOversizedBodyWith413Problem() {
        int before = api.concertCount();
        String huge = ApiClient.concertJson("x".repeat(40_000), "Venue", "2030-01-01", 10, "ACTIVE");

        assertProblem(api.post("/api/v1/concerts", huge), 413);
        assertProblem(api.post("/api/v1/tickets", "{\"concert_id\": \"" + "x".repeat(40_000) + "\"}"), 413);

        assertThat(api.concertCount()).isEqualTo(before);
    }

    @Test
    void answersOversizedBodyOfUndeclaredLengthWith413Problem() {
        int before = api.concertCount();
        byte[] huge = ApiClient.concertJson("x".repeat(40_000), "Venue", "2030-01-01", 10, "ACTIVE")
                .getBytes(StandardCharsets.UTF_8);

        ApiResponse response = api.send(
                "POST",
                "/api/v1/concerts",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)),
                "application/json");

        assertProblem(response, 413);
        assertThat(api.concertCount()).isEqualTo(before);
    }

    @Test
    void acceptsABodyOfUndeclaredLengthUnderTheLimit() {
        byte[] body = ApiClient.concertJson("Chunked", "Venue", "2030-01-01", 10, "ACTIVE")
                .getBytes(StandardCharsets.UTF_8);

        ApiResponse created = api.send(
                "POST",
                "/api/v1/concerts",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                "application/json");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("name").stringValue()).isEqualTo("Chunked");
    }

    @Test
    void acceptsABodyJustUnderTheLimit() {
        String name = "n".repeat(1000);
        ApiResponse created = api.post(
                "/api/v1/concerts",
                ApiClient.concertJson(name, "Venue", "2030-01-01", 10, "ACTIVE") + " ".repeat(15_000));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    @Test
    void answersErrorsAsJsonToAClientThatAcceptsJson() {
        ApiResponse missing = api.get("/api/v1/concerts/nope", "Accept", "application/json");
        ApiResponse invalid = api.post("/api/v1/concerts", "{}", "Accept", "application/json");

        for (ApiResponse response : new ApiResponse[] {missing, invalid}) {
            assertThat(response.contentType()).as("%s", response).matches("application/(problem\\+)?json");
            assertThat(response.json().get("detail").stringValue()).isNotBlank();
        }
        assertThat(missing.status()).isEqualTo(404);
        assertThat(invalid.status()).isEqualTo(400);
    }
}
