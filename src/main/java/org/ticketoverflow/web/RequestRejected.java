package org.ticketoverflow.web;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the status and the words the client gets back as problem details. Thrown
 * before anything is written, so a rejected request changes nothing.
 */
public final class RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final Integer retryAfterSeconds;

    private RequestRejected(HttpStatus status, String detail, String field, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: the body or a parameter is wrong; {@code field} names it. */
    public static RequestRejected invalid(String field, String detail) {
        return new RequestRejected(HttpStatus.BAD_REQUEST, detail, field, null);
    }

    /** 404: the resource does not exist. */
    public static RequestRejected notFound(String detail) {
        return new RequestRejected(HttpStatus.NOT_FOUND, detail, null, null);
    }

    /** 409 with {@code Retry-After}: another request is doing this right now; try again shortly. */
    public static RequestRejected conflict(String detail, int retryAfterSeconds) {
        return new RequestRejected(HttpStatus.CONFLICT, detail, null, retryAfterSeconds);
    }

    /** 422: understood, valid, but cannot be done (e.g. no seats left). */
    public static RequestRejected unprocessable(String detail) {
        return new RequestRejected(HttpStatus.UNPROCESSABLE_CONTENT, detail, null, null);
    }

    /** 503 with {@code Retry-After}: try again shortly. */
    public static RequestRejected unavailable(String detail, int retryAfterSeconds) {
        return new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, detail, null, retryAfterSeconds);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
