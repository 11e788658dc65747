package org.ticketoverflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker every HTTP test goes through catches answers the document does not describe. */
class OpenApiContractTests {

    private static final OpenApiContract CONTRACT = OpenApiContract.shipped();
    private static final String CONCERT = """
            {"id":"5b7e9f3c-2a41-4d8e-9c6a-1f0e2d3c4b5a","name":"Elsa on Ice","venue":"Ice Palace",\
            "date":"2027-01-15","capacity":850,"status":"ACTIVE"}""";
    private static final String NEW_CONCERT = """
            {"name":"Elsa on Ice","venue":"Ice Palace","date":"2027-01-15","capacity":850,"status":"ACTIVE"}""";
    private static final String LOCATION = "http://localhost/api/v1/concerts/5b7e9f3c-2a41-4d8e-9c6a-1f0e2d3c4b5a";
    private static final String PROBLEM = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"No concert","instance":"/api/v1/x"}""";

    @Test
    void acceptsTheAnswersTheDocumentDescribes() {
        assertThat(violations(createConcert(201, json("Location", LOCATION), CONCERT)))
                .isEmpty();
        assertThat(violations(get("/api/v1/concerts/x", 404, problemJson(), PROBLEM)))
                .isEmpty();
        assertThat(violations(exchange("POST", "/api/v1/tickets/x/print", Map.of(), "", 202, Map.of(), "")))
                .isEmpty();
    }

    @Test
    void catchesAResponseWithAnExtraKey() {
        String withExtra = CONCERT.replace("}", ",\"sold\":3}");

        assertThat(violations(createConcert(201, json("Location", LOCATION), withExtra)))
                .singleElement()
                .asString()
                .contains("sold");
        assertThatThrownBy(() -> CONTRACT.check(exchange(
                        "POST",
                        "/api/v1/concerts",
                        Map.of("Content-Type", "application/json"),
                        NEW_CONCERT,
                        201,
                        json("Location", LOCATION),
                        withExtra)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not what openapi.yaml describes");
    }

    @Test
    void catchesAWrongStatus() {
        assertThat(violations(createConcert(200, json(), CONCERT)))
                .anyMatch(v -> v.contains("status 200 is not documented for POST /api/v1/concerts"));
    }

    @Test
    void catchesAWrongValueOrAMissingKey() {
        assertThat(violations(createConcert(201, json("Location", LOCATION), CONCERT.replace("850", "0"))))
                .isNotEmpty();
        assertThat(violations(createConcert(201, json("Location", LOCATION), CONCERT.replace("ACTIVE", "OPEN"))))
                .isNotEmpty();
        assertThat(violations(createConcert(
                        201, json("Location", LOCATION), CONCERT.replace("\"venue\":\"Ice Palace\",", ""))))
                .isNotEmpty();
        assertThat(violations(get("/api/v1/concerts/x", 200, json(), CONCERT.replace("2027-01-15", "15.01.2027"))))
                .isNotEmpty();
    }

    @Test
    void catchesAWrongContentTypeAndAMissingHeader() {
        assertThat(violations(get("/api/v1/concerts/x", 404, json(), PROBLEM)))
                .anyMatch(v -> v.contains("Content-Type application/json is not one of"));
        assertThat(violations(get("/api/v1/concerts/x/seats", 200, Map.of("Content-Type", "text/plain"), "<svg/>")))
                .isNotEmpty();
        assertThat(violations(createConcert(201, json(), CONCERT)))
                .containsExactly("required header Location is missing");
        String unavailable = PROBLEM.replace("404", "503").replace("Not Found", "Service Unavailable");
        assertThat(violations(get("/api/v1/concerts/x/seats", 503, problemJson(), unavailable)))
                .containsExactly("required header Retry-After is missing");
    }

    @Test
    void catchesAProblemWithoutItsDetail() {
        assertThat(violations(get(
                        "/api/v1/concerts/x", 404, problemJson(), PROBLEM.replace(",\"detail\":\"No concert\"", ""))))
                .isNotEmpty();
    }

    @Test
    void requiresUnknownPathsToAnswer404AndUnknownMethods405() {
        assertThat(violations(get("/api/v1/nothing", 200, json(), "{}"))).isNotEmpty();
        assertThat(violations(get("/api/v1/nothing", 404, problemJson(), PROBLEM)))
                .isEmpty();
        String notAllowed = PROBLEM.replace("404", "405").replace("Not Found", "Method Not Allowed");
        assertThat(violations(exchange("DELETE", "/api/v1/concerts", Map.of(), "", 405, problemJson(), notAllowed)))
                .containsExactly("required header Allow is missing");
        Map<String, String> allow = new LinkedHashMap<>(problemJson());
        allow.put("Allow", "GET,POST");
        assertThat(violations(exchange("DELETE", "/api/v1/concerts", Map.of(), "", 405, allow, notAllowed)))
                .isEmpty();
    }

    @Test
    void checksAnAcceptedRequestButNotARefusedOne() {
        String withId = NEW_CONCERT.replace("{", "{\"id\":\"x\",");
        Map<String, String> sent = Map.of("Content-Type", "application/json");

        assertThat(violations(
                        exchange("POST", "/api/v1/concerts", sent, withId, 201, json("Location", LOCATION), CONCERT)))
                .anyMatch(v -> v.startsWith("request body"));
        String invalid = PROBLEM.replace("404", "400").replace("Not Found", "Bad Request");
        assertThat(violations(exchange("POST", "/api/v1/concerts", sent, withId, 400, problemJson(), invalid)))
                .isEmpty();
        assertThat(violations(get("/api/v1/concerts?limit=0", 200, json(), "[]")))
                .anyMatch(v -> v.startsWith("query parameter limit"));
        assertThat(violations(get("/api/v1/concerts?limit=10", 200, json(), "[]")))
                .isEmpty();
        assertThat(violations(get("/api/v1/concerts?sort=name", 200, json(), "[]")))
                .containsExactly("query parameter sort is not documented, yet the request was accepted");
    }

    @Test
    void leavesPathsOutsideTheApiAlone() {
        assertThat(violations(get("/actuator/health", 200, json(), "{\"status\":\"UP\"}")))
                .isEmpty();
    }

    private static List<String> violations(Exchange exchange) {
        return CONTRACT.violations(exchange);
    }

    private static Exchange createConcert(int status, Map<String, String> headers, String body) {
        return exchange(
                "POST",
                "/api/v1/concerts",
                Map.of("Content-Type", "application/json"),
                NEW_CONCERT,
                status,
                headers,
                body);
    }

    private static Exchange get(String target, int status, Map<String, String> headers, String body) {
        return exchange("GET", target, Map.of(), "", status, headers, body);
    }

    private static Exchange exchange(
            String method,
            String target,
            Map<String, String> requestHeaders,
            String requestBody,
            int status,
            Map<String, String> responseHeaders,
            String responseBody) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        responseHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        return new Exchange(
                method,
                target,
                requestHeaders,
                requestBody,
                status,
                HttpHeaders.of(headers, (name, value) -> true),
                responseBody);
    }

    private static Map<String, String> json(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static Map<String, String> problemJson() {
        return Map.of("Content-Type", "application/problem+json");
    }
}
