package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The purchaser of docs/scenarios.md as Gatling chains: GET /users/{id} (log in), POST /tickets, GET
 * /tickets/{returned id}, then a pause of ~10 s — or, when shed (503), the pause the server asked for in
 * Retry-After.
 *
 * <p>Every answer to a purchase is recorded in the {@link SaleLedger} as it arrives ({@code transformResponse}
 * runs once per response, whatever the checks say), so no 201 escapes the final count. 422 (sold out) and 503
 * (shed, with Retry-After) are expected answers, not failures.
 */
final class Purchasing {

    static final String BUY = "buy";

    private Purchasing() {}

    /** One purchase attempt for the concert in session attribute {@code concertId}; leaves {@code ticketId}. */
    static ChainBuilder purchase(SaleLedger ledger, SaleClock clock) {
        return exec(session -> {
                    ledger.of(session.getString("concertId")).attempt();
                    return session.remove("ticketId").remove("retryAfter");
                })
                .exec(http("log in").get("/api/v1/users/#{userId}").check(status().is(200)))
                .exec(http(BUY)
                        .post("/api/v1/tickets")
                        .body(StringBody("{\"concert_id\":\"#{concertId}\",\"user_id\":\"#{userId}\"}"))
                        .asJson()
                        .transformResponse((response, session) -> {
                            int code = response.status().code();
                            ledger.of(session.getString("concertId")).outcome(code, response.endTimestamp());
                            if (code == 201) {
                                clock.saleAt(response.endTimestamp());
                            }
                            return response;
                        })
                        .check(status().in(201, 422, 503))
                        .checkIf((response, session) -> response.status().code() == 201)
                        .then(
                                jsonPath("$.id").saveAs("ticketId"),
                                jsonPath("$.print_status").is("NOT_PRINTED"),
                                jsonPath("$.concert.id").isEL("#{concertId}"))
                        .checkIf((response, session) -> response.status().code() == 503)
                        .then(header("Retry-After").saveAs("retryAfter")))
                .doIf(session -> session.contains("ticketId"))
                .then(exec(http("get ticket")
                        .get("/api/v1/tickets/#{ticketId}")
                        .check(status().is(200), jsonPath("$.id").isEL("#{ticketId}"))));
    }

    /** Think time after a purchase, or the server's Retry-After after a shed one. */
    static ChainBuilder pauseAfterPurchase(Function<Session, Duration> thinkTime) {
        return exec(pause(session -> session.contains("retryAfter")
                ? Duration.ofSeconds(TicketOverflowClient.parseRetryAfter(session.getString("retryAfter")))
                : thinkTime.apply(session)));
    }

    /** Around {@code mean}: uniformly within ±20 %, so purchasers do not march in step. */
    static Duration around(Duration mean) {
        long millis = mean.toMillis();
        return millis == 0
                ? Duration.ZERO
                : Duration.ofMillis(
                        millis * 8 / 10 + ThreadLocalRandom.current().nextLong(millis * 4 / 10 + 1));
    }
}
