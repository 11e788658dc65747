package org.ticketoverflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is known to be unreachable, API requests that need it are answered at once with 503 and
 * {@code Retry-After}, instead of each waiting for the connection pool's timeout: buyers learn within
 * milliseconds to come back, and a node in an outage spends nothing on requests it cannot serve. The health
 * endpoints and the users mock (served from memory) stay open. Until the background probe has noticed an
 * outage (at most about a probe interval plus the pool timeout), requests find out through the pool's short
 * connection timeout.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DatabaseGate extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 1;

    private final DatabaseReachability database;

    DatabaseGate(DatabaseReachability database) {
        this.database = database;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return database.reachable()
                || !path.startsWith("/api/v1/")
                || path.startsWith("/api/v1/users")
                || path.endsWith("/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        FilterProblems.write(
                response,
                HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "try-again",
                "Service Unavailable",
                "The database is unreachable; nothing was done, try again shortly");
    }
}
