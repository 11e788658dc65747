package org.ticketoverflow.tickets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.ticketoverflow.idempotency.IdempotentRequests;

/**
 * The hot path's request, {@code POST /api/v1/tickets} with a JSON body (with or without one Idempotency-Key),
 * answered by the controller's own method as the last servlet filter instead of through Spring MVC's dispatch
 * (handler lookup, argument resolution, return-value handling: about a quarter of a purchase's server CPU, see
 * docs/benchmarks.md). The answers stay MVC's: the same method makes them, and its refusals go through MVC's
 * exception resolvers to the same problem details. Every filter before this one still runs, the
 * {@code http.server.requests} observation included (it is given the route's pattern, as MVC would). Anything this
 * does not recognise as exactly that request (another method or path, two key fields, another content type, an
 * {@code Accept} other than JSON or anything) goes on to MVC, which answers it as before, 405 and 415 included.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PurchasesWithoutDispatch extends OncePerRequestFilter {

    private static final String PATH = "/api/v1/tickets";

    private final TicketsController controller;
    private final HandlerExceptionResolver exceptions;

    PurchasesWithoutDispatch(
            TicketsController controller, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions) {
        this.controller = controller;
        this.exceptions = exceptions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && PATH.equals(request.getRequestURI())
                && atMostOneKey(request)
                && json(request.getContentType())
                && acceptsJson(request.getHeader("Accept")));
    }

    /** Two key fields reach MVC joined by a comma, which the key's parser refuses: those are left to MVC. */
    private static boolean atMostOneKey(HttpServletRequest request) {
        Enumeration<String> keys = request.getHeaders(IdempotentRequests.HEADER);
        if (!keys.hasMoreElements()) {
            return true;
        }
        keys.nextElement();
        return !keys.hasMoreElements();
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
        ResponseEntity<byte[]> answer;
        try {
            answer = controller.purchase(request, request.getHeader(IdempotentRequests.HEADER));
        } catch (RuntimeException | IOException e) {
            // MVC's resolvers, with no handler: the @RestControllerAdvice problem details, as for any controller
            if (exceptions.resolveException(request, response, null, e) == null) {
                throw e;
            }
            return;
        }
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        byte[] body = answer.getBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
