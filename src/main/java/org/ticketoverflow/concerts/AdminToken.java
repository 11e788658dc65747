package org.ticketoverflow.concerts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The opt-in staff check (our decision): with {@code TICKETOVERFLOW_ADMIN_TOKEN} set, the two writes of the catalogue,
 * {@code POST /api/v1/concerts} and {@code PUT /api/v1/concerts/{id}}, need {@code Authorization: Bearer <token>};
 * any other method or path is left to routing (405, 404) as without a token. None → 401, a wrong one → 403, and the
 * request never reaches the controller, so nothing is written. Ordered right after the request log, the
 * worker-role check and the body size limit, so it also runs ahead of any later filter (such as an Idempotency-Key
 * replay): a refused request learns nothing. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time wherever they differ and hides the token's length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class AdminToken extends OncePerRequestFilter {

    private static final String CONCERTS = "/api/v1/concerts";
    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    AdminToken(AdminSettings settings) {
        this.expected = settings.required() ? digest(settings.adminToken()) : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        return expected == null
                || !(("POST".equals(method) && path.equals(CONCERTS)) || ("PUT".equals(method) && isConcert(path)));
    }

    /** {@code /api/v1/concerts/{id}}: one more path segment, not a sub-resource such as {@code …/seats}. */
    private static boolean isConcert(String path) {
        return path.startsWith(CONCERTS + "/") && path.indexOf('/', CONCERTS.length() + 1) < 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ticketoverflow-staff\"");
            refuse(
                    response,
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "Changing concerts needs Authorization: Bearer <token>");
        } else if (!MessageDigest.isEqual(
                expected, digest(authorization.substring(BEARER.length()).trim()))) {
            refuse(response, 403, "forbidden", "Forbidden", "The bearer token is not the staff token");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream()
                .write(("{\"type\":\"https://ticketoverflow.org/problems/" + type + "\",\"title\":\"" + title
                                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
