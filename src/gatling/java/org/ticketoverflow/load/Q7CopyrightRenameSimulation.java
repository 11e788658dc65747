package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Q7 of docs/scenarios.md, copyright rename: "Elsa on Ice" has many tickets (200 at scale 1), one user per ticket
 * prints it and keeps looking at it. Once half of them have been seen PRINTED (or half the time is up) the
 * concert is renamed "Bob on Ice" with a PUT. From the moment the PUT returns, no fetched print may carry the
 * old name (stale = 0), the tickets that were PRINTED read NOT_PRINTED, and every user's re-print shows the new
 * name.
 */
public final class Q7CopyrightRenameSimulation extends TicketOverflowSimulation {

    private static final String OLD_NAME = "Elsa on Ice";
    private static final String NEW_NAME = "Bob on Ice";

    private final int ticketCount = Math.max(2, settings.scaled(200));
    private final SaleClock clock = new SaleClock(LoadSettings.seconds(
            "q7.timeoutSeconds", settings.duration(Duration.ofMinutes(30), Duration.ofMinutes(5))));
    private final Duration poll = Duration.ofMillis((long) LoadSettings.number("q7.pollMillis", 1000));
    private final double renameAfterPrinted = LoadSettings.number("q7.renameAfterPrinted", 0.5);
    private final RenameWatch watch = new RenameWatch(OLD_NAME, NEW_NAME);
    private final Queue<String> unclaimedTickets = new ConcurrentLinkedQueue<>();
    private volatile String concertId;

    public Q7CopyrightRenameSimulation() {
        super("Q7");
        ScenarioBuilder printing = scenario("users printing")
                .exec(session -> session.set("ticketId", unclaimedTickets.poll()))
                .exec(asLongAs(session -> !watch.done(session.getString("ticketId")) && clock.open(), "print", false)
                        .on(lookAtTicket(), pause(poll)));
        ScenarioBuilder renaming = scenario("rename")
                .exec(asLongAsDuring(
                                session -> watch.printedCount() < ticketCount * renameAfterPrinted,
                                clock.length().dividedBy(2),
                                "wait",
                                false)
                        .on(pause(Duration.ofMillis(200))))
                .exec(http("rename")
                        .put(session -> "/api/v1/concerts/" + concertId)
                        .body(StringBody("{\"name\":\"" + NEW_NAME + "\"}"))
                        .asJson()
                        .transformResponse((response, session) -> {
                            if (response.status().code() == 200) {
                                watch.renamed(response.startTimestamp(), response.endTimestamp());
                            }
                            return response;
                        })
                        .check(status().is(200), jsonPath("$.name").is(NEW_NAME)))
                .exec(http("tickets right after the rename")
                        .get(session -> "/api/v1/tickets?concert_id=" + concertId)
                        .check(
                                status().is(200),
                                bodyString().transform(watch::listedRightAfter).saveAs("stillPrinted")))
                .exec(foreach("#{stillPrinted}", "ticketId").on(fetchPrint("print right after the rename")));
        ScenarioBuilder verifying = scenario("verify")
                .exec(Verification.figures(verdicts, "no stale ticket after the rename", watch::noStaleTicket))
                .exec(Verification.figures(
                        verdicts, "PRINTED tickets read NOT_PRINTED right after the rename", watch::invalidated))
                .exec(Verification.figures(
                        verdicts, "re-prints show the new name", () -> watch.reprintsShowNewName(ticketCount)));

        setUp(
                        printing.injectOpen(rampUsers(ticketCount).during(Duration.ofSeconds(5)))
                                .andThen(verifying.injectOpen(atOnceUsers(1))),
                        renaming.injectOpen(atOnceUsers(1)))
                .protocols(protocol)
                .assertions(checksRan(), checksPassed(), fewFailures());
    }

    /** Reads the ticket; (re-)requests its print when it is not printed; fetches the print when it is. */
    private ChainBuilder lookAtTicket() {
        return exec(http("ticket")
                        .get("/api/v1/tickets/#{ticketId}")
                        .transformResponse((response, session) -> {
                            if (response.status().code() == 200) {
                                watch.status(
                                        session.getString("ticketId"),
                                        TicketOverflowClient.parse(
                                                        response.body().string())
                                                .path("print_status")
                                                .asText(),
                                        response.endTimestamp());
                            }
                            return response;
                        })
                        .check(status().is(200), jsonPath("$.print_status").saveAs("printStatus")))
                .doIf(session -> List.of("NOT_PRINTED", "ERROR").contains(session.getString("printStatus")))
                .then(exec(http("request print")
                        .post("/api/v1/tickets/#{ticketId}/print")
                        .check(status().is(202))))
                .doIf(session -> "PRINTED".equals(session.getString("printStatus")))
                .then(fetchPrint("fetch print"));
    }

    private ChainBuilder fetchPrint(String name) {
        return exec(http(name)
                .get("/api/v1/tickets/#{ticketId}/print")
                .transformResponse((response, session) -> {
                    watch.fetched(session.getString("ticketId"), response);
                    return response;
                })
                // 404: the print was invalidated (or re-rendering) between reading the ticket and fetching it
                .check(status().in(200, 404))
                .checkIf((response, session) -> response.status().code() == 200)
                .then(regex("<desc[^>]*>([^<]*)</desc>").isEL("#{ticketId}"))
                .checkIf((response, session) -> response.status().code() == 200 && watch.requestedAfterRename(response))
                .then(substring(NEW_NAME).exists(), substring(OLD_NAME).notExists()));
    }

    @Override
    protected void setUpData() {
        concertId = client.createConcert(OLD_NAME, "Ice rink " + runTag, LocalDate.now(), ticketCount);
        List<String> tickets = client.buyMany(concertId, ticketCount, 8);
        if (tickets.size() != ticketCount) {
            throw new IllegalStateException("bought " + tickets.size() + " of " + ticketCount + " tickets");
        }
        unclaimedTickets.addAll(tickets);
        System.out.printf(
                "Q7: concert %s \"%s\" with %d tickets; rename after %.0f %% are seen PRINTED; "
                        + "users give up after %s%n",
                concertId, OLD_NAME, ticketCount, renameAfterPrinted * 100, clock.length());
    }
}
