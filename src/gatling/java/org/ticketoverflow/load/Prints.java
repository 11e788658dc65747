package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;

/** A purchaser printing the ticket it just bought, as a Gatling chain (Q5, Q6). */
final class Prints {

    private Prints() {}

    /**
     * POST print for the ticket in session attribute {@code ticketId} (202), then GET /tickets/{id} every
     * {@code poll} until its print_status is PRINTED or ERROR, for at most {@code patience}. The request time and
     * the first PRINTED seen go to {@code times}.
     */
    static ChainBuilder requestAndAwait(PrintTimes times, Duration poll, Duration patience) {
        return exec(http("request print")
                        .post("/api/v1/tickets/#{ticketId}/print")
                        .transformResponse((response, session) -> {
                            times.requested(session.getString("ticketId"), response.startTimestamp());
                            return response;
                        })
                        .check(status().is(202)))
                .exec(asLongAsDuring(session -> !times.settled(session.getString("ticketId")), patience, "poll", false)
                        .on(
                                pause(poll),
                                exec(http("print status")
                                        .get("/api/v1/tickets/#{ticketId}")
                                        .transformResponse((response, session) -> {
                                            if (response.status().code() == 200) {
                                                String printStatus = TicketOverflowClient.parse(
                                                                response.body().string())
                                                        .path("print_status")
                                                        .asText();
                                                times.observed(
                                                        session.getString("ticketId"),
                                                        printStatus,
                                                        response.endTimestamp());
                                            }
                                            return response;
                                        })
                                        .check(status().is(200)))));
    }
}
