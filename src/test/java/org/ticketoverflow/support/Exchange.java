package org.ticketoverflow.support;

import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request and the answer to it, as {@link OpenApiContract} checks them.
 *
 * @param target the path and query, e.g. {@code /api/v1/tickets?user_id=…}
 * @param requestHeaders the headers sent (names in any case)
 * @param requestBody the body sent, or null when the test sent one it cannot show (a stream)
 */
public record Exchange(
        String method,
        String target,
        Map<String, String> requestHeaders,
        String requestBody,
        int status,
        HttpHeaders responseHeaders,
        String responseBody) {

    public Exchange {
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(requestHeaders);
        requestHeaders = headers;
    }

    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    public String query() {
        int query = target.indexOf('?');
        return query < 0 ? "" : target.substring(query + 1);
    }

    public Optional<String> requestHeader(String name) {
        return Optional.ofNullable(requestHeaders.get(name));
    }

    public Optional<String> responseHeader(String name) {
        return responseHeaders.firstValue(name);
    }
}
