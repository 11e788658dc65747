package org.ticketoverflow.boxoffice;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The box office's pages may load nothing from another origin and run no inline script: everything comes from
 * this jar. Seating plans are shown as {@code blob:} images made from the API's SVG (an image never runs script).
 * Only the box office's own files get these headers: API and Actuator answers are read by programs, and other
 * pages in the jar (Swagger UI) bring their own inline scripts.
 */
@Component
class PageSecurityHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    static final Set<String> PAGES =
            Set.of("/", "/index.html", "/concert.html", "/tickets.html", "/staff.html", "/ops.html");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(PAGES.contains(path) || path.startsWith("/assets/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
