package org.ticketoverflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log event per API request, with its fields as key-value pairs (method, path, status, duration_ms,
 * client), so that with structured logging on ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} or
 * {@code logstash}) every request is a JSON document a log pipeline can query. Logger
 * {@code org.ticketoverflow.requests}.
 *
 * <p>Off unless {@code TICKETOVERFLOW_REQUEST_LOG=true}: the console appender writes synchronously, and one line
 * per request cost ~7 % of a purchase's CPU in the benchmark (see docs/benchmarks.md). Setting the
 * logger to WARN switches it off too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("org.ticketoverflow.requests");

    private final boolean enabled;

    RequestLog(WebSettings settings) {
        this.enabled = settings.requestLog();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !log.isInfoEnabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1000;
            log.atInfo()
                    .setMessage("{} {} {} {}ms")
                    .addArgument(request.getMethod())
                    .addArgument(request.getRequestURI())
                    .addArgument(response.getStatus())
                    .addArgument(micros / 1000.0)
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", request.getRequestURI())
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("duration_ms", micros / 1000.0)
                    .addKeyValue("client", request.getRemoteAddr())
                    .log();
        }
    }
}
