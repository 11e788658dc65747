package org.ticketoverflow.web;

import java.net.URI;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 problem details. Spring's own handler already covers unknown paths (404),
 * wrong methods (405), unsupported media types (415) and friends; this adds our domain refusals and makes the
 * malformed-JSON message say what it is.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    @ExceptionHandler(RequestRejected.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejected rejection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejection.status(), rejection.getMessage());
        problem.setType(URI.create("https://ticketoverflow.org/problems/" + typeOf(rejection)));
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(rejection.status());
        if (rejection.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(rejection.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    /**
     * The database could not be reached or failed under the request (the pool's short connection timeout ran
     * out, a connection broke): nothing was acknowledged, so the client is told to try again.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        return rejected(RequestRejected.unavailable(
                "The database is unavailable; nothing was done, try again shortly", DatabaseGate.RETRY_AFTER_SECONDS));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, "The request body is not valid JSON or is missing");
        problem.setType(URI.create("https://ticketoverflow.org/problems/malformed-json"));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setProperty("field", ex.getParameterName());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String typeOf(RequestRejected rejection) {
        return switch (rejection.status()) {
            case BAD_REQUEST -> "invalid-request";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "in-progress";
            case UNPROCESSABLE_CONTENT -> "unprocessable";
            case SERVICE_UNAVAILABLE -> "try-again";
            default -> "error";
        };
    }
}
