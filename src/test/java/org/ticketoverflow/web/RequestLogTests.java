package org.ticketoverflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestLogTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger("org.ticketoverflow.requests");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        events.start();
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
        new RequestLog().doFilter(request, response, new MockFilterChain() {
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
    void logsNothingWhenItsLoggerIsOff() throws Exception {
        logger.setLevel(Level.WARN);
        new RequestLog()
                .doFilter(
                        new MockHttpServletRequest("GET", "/api/v1/concerts"),
                        new MockHttpServletResponse(),
                        new MockFilterChain());

        assertThat(events.list).isEmpty();
    }

    @Test
    void leavesActuatorRequestsOut() throws Exception {
        new RequestLog()
                .doFilter(
                        new MockHttpServletRequest("GET", "/actuator/health"),
                        new MockHttpServletResponse(),
                        new MockFilterChain());

        assertThat(events.list).isEmpty();
    }
}
