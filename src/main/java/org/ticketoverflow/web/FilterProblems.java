package org.ticketoverflow.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Problem-details answers written by servlet filters, which run before Spring MVC's error handling. */
final class FilterProblems {

    private FilterProblems() {}

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream()
                .write(("{\"type\":\"https://ticketoverflow.org/problems/" + type + "\",\"title\":\"" + title
                                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
