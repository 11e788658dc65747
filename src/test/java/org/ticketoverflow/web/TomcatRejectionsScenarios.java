package org.ticketoverflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ticketoverflow.support.HttpScenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that Tomcat refuses before any servlet sees them, sent byte for byte over a raw socket (an HTTP client
 * would refuse to send most of them): every answer is a 4xx with a problem-details JSON body, never Tomcat's HTML
 * page.
 */
abstract class TomcatRejectionsScenarios extends HttpScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> refusedHeads() {
        return Stream.of(
                Arguments.of("bad percent-encoding", "GET /api/v1/concerts/%zz HTTP/1.1", 400),
                Arguments.of("encoded slash", "GET /api/v1/concerts/a%2Fb HTTP/1.1", 400),
                Arguments.of("encoded backslash", "GET /api/v1/concerts/a%5Cb HTTP/1.1", 400),
                Arguments.of("encoded NUL", "GET /api/v1/concerts/a%00b HTTP/1.1", 400),
                Arguments.of("raw backslash", "GET /api/v1/concerts/a\\b HTTP/1.1", 400),
                Arguments.of("brace in the path", "GET /api/v1/{x} HTTP/1.1", 400),
                Arguments.of(
                        "path of 100,000 characters", "GET /api/v1/concerts/" + "a".repeat(100_000) + " HTTP/1.1", 400),
                Arguments.of(
                        "header line of 20,000 characters",
                        "GET /api/v1/concerts HTTP/1.1\r\nX-Long: " + "h".repeat(20_000),
                        400),
                Arguments.of("header without a colon", "GET /api/v1/concerts HTTP/1.1\r\nNo colon here", 400),
                Arguments.of("unknown HTTP version", "GET /api/v1/concerts HTTP/7.3", 505));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedHeads")
    void refusedRequestLineOrHeaderGetsAProblem(String description, String head, int status) throws IOException {
        assertProblem(send(head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n"), status);
    }

    static Stream<Arguments> malformedChunks() {
        return Stream.of(
                Arguments.of("chunk size not hex", "zz\r\n{}\r\n0\r\n\r\n"),
                Arguments.of("chunk longer than announced", "2\r\n{\"name\": 1}\r\n0\r\n\r\n"),
                Arguments.of("chunk size too big", "fffffffffffffffff\r\n{}\r\n0\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedChunks")
    void malformedChunkingGetsAProblem(String description, String body) throws IOException {
        String request = "POST /api/v1/concerts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body;

        assertProblem(send(request), 400);
    }

    private static void assertProblem(String answer, int status) {
        int bodyStart = answer.indexOf("\r\n\r\n");
        assertThat(bodyStart).as(answer).isPositive();
        String head = answer.substring(0, bodyStart);
        String body = answer.substring(bodyStart + 4);
        assertThat(head).as(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(head.toLowerCase()).as(answer).contains("content-type: application/problem+json");
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("status").intValue()).as(answer).isEqualTo(status);
        assertThat(problem.get("title").stringValue()).as(answer).isNotBlank();
        assertThat(problem.get("detail").stringValue()).as(answer).isNotBlank();
        assertThat(problem.get("type").stringValue()).as(answer).startsWith("https://");
    }

    private String send(String request) throws IOException {
        URI base = URI.create(api.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (SocketException e) {
                // Tomcat may answer and close before it has read everything; the answer is still there to read
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                // a reset after the answer (Tomcat closes with unread input): keep what arrived
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
