package org.ticketoverflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;

class RequestLogTests {

    private static final WebSettings ON = new WebSettings("", 16384, true);
    private static final WebSettings OFF = new WebSettings("", 16384, false);

    private final Logger logger = (Logger) LoggerFactory.getLogger("org.ticketoverflow.requests");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level level;

    @BeforeEach
    void start() {
        level = logger.getLevel();
        capture();
    }

    /** Again after a node started: starting one resets logging (stopping our appender) and applies its levels. */
    private void capture() {
        logger.detachAppender(events);
        events.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(events);
    }

    @AfterEach
    void release() {
        logger.detachAppender(events);
        logger.setLevel(level);
    }

    @Test
    void logsEachApiRequestWithItsFieldsAsKeyValues() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tickets");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestLog(ON).doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ((MockHttpServletResponse) res).setStatus(422);
            }
        });

        assertThat(events.list).hasSize(1);
        Map<String, Object> fields = events.list.getFirst().getKeyValuePairs().stream()
                .collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
        assertThat(fields)
                .containsEntry("method", "POST")
                .containsEntry("path", "/api/v1/tickets")
                .containsEntry("status", 422)
                .containsKeys("duration_ms", "client");
    }

    @Test
    void aSwitchedOnNodeLogsEveryApiRequestItServesOverHttp() {
        try (AppInstance node = AppInstance.startOnOwnH2("ticketoverflow.request-log=true")) {
            capture();
            String concertId = node.api().createConcert(3).get("id").stringValue();
            ApiResponse bought = node.api()
                    .post(
                            "/api/v1/tickets",
                            """
                            {"concert_id": "%s", "user_id": "%s"}""".formatted(concertId, ApiClient.user(31)),
                            "X-Forwarded-For",
                            "203.0.113.7");
            node.api().get("/actuator/health");
            assertThat(bought.status()).isEqualTo(201);

            List<Map<String, Object>> logged = events.list.stream()
                    .map(event -> event.getKeyValuePairs().stream()
                            .collect(Collectors.toMap(pair -> pair.key, pair -> pair.value)))
                    .toList();
            assertThat(logged).hasSize(2);
            assertThat(logged.get(0))
                    .containsEntry("method", "POST")
                    .containsEntry("path", "/api/v1/concerts")
                    .containsEntry("status", 201);
            assertThat(logged.get(1))
                    .containsEntry("method", "POST")
                    .containsEntry("path", "/api/v1/tickets")
                    .containsEntry("status", 201)
                    .containsEntry("client", "203.0.113.7");
            assertThat(logged.get(1).get("duration_ms")).isInstanceOf(Double.class);
            assertThat(events.list.get(1).getFormattedMessage()).startsWith("POST /api/v1/tickets 201 ");
        }
    }

    @Test
    void aNodeLogsNoRequestsByDefault() {
        try (AppInstance node = AppInstance.startOnOwnH2()) {
            capture();
            node.api().createConcert(3);

            assertThat(events.list).isEmpty();
        }
    }

    @Test
    void logsNothingUnlessSwitchedOn() throws Exception {
        new RequestLog(OFF)
                .doFilter(
                        new MockHttpServletRequest("GET", "/api/v1/concerts"),
                        new MockHttpServletResponse(),
                        new MockFilterChain());

        assertThat(events.list).isEmpty();
    }

    @Test
    void logsNothingWhenItsLoggerIsOff() throws Exception {
        logger.setLevel(Level.WARN);
        new RequestLog(ON)
                .doFilter(
                        new MockHttpServletRequest("GET", "/api/v1/concerts"),
                        new MockHttpServletResponse(),
                        new MockFilterChain());

        assertThat(events.list).isEmpty();
    }

    @Test
    void leavesActuatorRequestsOut() throws Exception {
        new RequestLog(ON)
                .doFilter(
                        new MockHttpServletRequest("GET", "/actuator/health"),
                        new MockHttpServletResponse(),
                        new MockFilterChain());

        assertThat(events.list).isEmpty();
    }
}
