package org.ticketoverflow.support;

import java.net.http.HttpHeaders;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP answer as the client saw it, and how long it took to arrive. */
public record ApiResponse(int status, HttpHeaders headers, String body, Duration elapsed) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The body parsed as JSON; fails the test if it is not JSON. */
    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    @Override
    public String toString() {
        return status + " " + contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
}
