package org.ticketoverflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node without the {@code api} role ({@code TICKETOVERFLOW_ROLES=worker}) serves no API, only Actuator
 * (health, metrics): a load balancer that sends it API traffic by mistake gets a clear 404, never a half-working
 * service.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ApiRole extends OncePerRequestFilter {

    private final boolean api;

    ApiRole(NodeRoles roles) {
        this.api = roles.api();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return api || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FilterProblems.write(
                response,
                HttpServletResponse.SC_NOT_FOUND,
                "not-found",
                "Not Found",
                "This node runs background work only (TICKETOVERFLOW_ROLES without api); it serves no API");
    }
}
