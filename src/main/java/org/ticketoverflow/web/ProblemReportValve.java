package org.ticketoverflow.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Tomcat's error report as problem details: requests that Tomcat itself refuses before any servlet sees them
 * (a malformed request line or URL encoding, an encoded {@code /}, {@code \} or NUL in the path, headers too long,
 * broken chunking) get {@code application/problem+json} instead of Tomcat's HTML page. What happens to a response
 * that fails after it was committed is inherited unchanged: the connection is closed at once, so a broken
 * answer never looks complete.
 */
final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String message = response.getMessage();
        String detail = message == null || message.isBlank() ? "The request was refused: " + title : message;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"https://ticketoverflow.org/problems/"
                        + (status < 500 ? "invalid-request" : "error")
                        + "\",\"title\":\"" + quote(title) + "\",\"status\":" + status + ",\"detail\":\""
                        + quote(detail) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell it
        }
    }

    private static String quote(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsCharArray(text));
    }
}
