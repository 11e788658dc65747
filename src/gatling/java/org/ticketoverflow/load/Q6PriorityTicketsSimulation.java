package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Q6 of docs/scenarios.md, priority tickets. Three phases, one after the other:
 * <ol>
 * <li><b>no backlog</b>: the buyers of a show tonight (50 at scale 1) each buy a ticket and print it at once;
 * the time from print request to PRINTED is the reference;</li>
 * <li><b>backlog</b>: a big concert six months away sells 2000 tickets (at scale 1), all printed at once;</li>
 * <li><b>with backlog</b>: the buyers of a second show tonight do the same as in phase 1, while that backlog
 * is queued.</li>
 * </ol>
 * The imminent tickets must print promptly, unaffected by the backlog: each within {@code q6.slack} (1.5) ×
 * the slowest time of phase 1, plus two seating-plan renders (the plans of the big concert and of the show,
 * dirtied by their purchases, legitimately go ahead of prints; a render is timed in {@code before()} as the
 * time the first plan of a new concert takes), plus two poll intervals. {@code -Dq6.maxSeconds} sets a fixed
 * limit instead. A server that serves prints first come, first served fails by the whole backlog's render
 * time. The backlog still unprinted at the end is reported: when it is already drained (a fast renderer) the
 * comparison proves little, and the run says so.
 */
public final class Q6PriorityTicketsSimulation extends TicketOverflowSimulation {

    private final int imminent = Math.max(2, settings.scaled(50));
    private final int backlog = settings.scaled(2000);
    private final int backlogBuyers = (int) LoadSettings.number("q6.backlogBuyers", 20);
    private final Duration poll = Duration.ofMillis((long) LoadSettings.number("q6.pollMillis", 500));
    private final Duration patience = LoadSettings.seconds("q6.timeoutSeconds", Duration.ofMinutes(15));
    private final double slack = LoadSettings.number("q6.slack", 1.5);
    private final SaleClock clock = new SaleClock(Duration.ofDays(1));
    private final PrintTimes withoutBacklog = new PrintTimes();
    private final PrintTimes withBacklog = new PrintTimes();
    private final LongAdder backlogPrints = new LongAdder();
    private final AtomicLong backlogUnprinted = new AtomicLong(-1);
    private volatile long seatingRenderMillis;
    private volatile String firstShow;
    private volatile String bigConcert;
    private volatile String secondShow;

    public Q6PriorityTicketsSimulation() {
        super("Q6");
        ScenarioBuilder phase1 =
                scenario("imminent tickets, no backlog").exec(buyAndPrint(() -> firstShow, withoutBacklog));
        ScenarioBuilder phase2 = scenario("backlog far in the future")
                .exec(session -> session.set("concertId", bigConcert))
                .exec(asLongAs(session -> !ledger.of(bigConcert).closed(), "backlog", false)
                        .on(
                                exec(session -> session.set("userId", Users.randomId())),
                                Purchasing.purchase(ledger, clock),
                                doIf(session -> session.contains("ticketId"))
                                        .then(exec(http("request print (backlog)")
                                                        .post("/api/v1/tickets/#{ticketId}/print")
                                                        .check(status().is(202)))
                                                .exec(session -> {
                                                    backlogPrints.increment();
                                                    return session;
                                                })),
                                Purchasing.pauseAfterPurchase(session -> Duration.ZERO)));
        ScenarioBuilder phase3 =
                scenario("imminent tickets, with backlog").exec(buyAndPrint(() -> secondShow, withBacklog));
        ScenarioBuilder verifying = scenario("verify")
                .exec(group(Verification.GROUP)
                        .on(exec(http("backlog still queued")
                                .get(session -> "/api/v1/tickets?concert_id=" + bigConcert)
                                .check(
                                        status().is(200),
                                        bodyString()
                                                .transform(this::countUnprinted)
                                                .gte(0L)))))
                .exec(Verification.figures(
                        verdicts, "imminent prints without backlog", () -> allPrinted(withoutBacklog)))
                .exec(Verification.figures(
                        verdicts, "imminent prints with the backlog queued", this::promptDespiteBacklog))
                .exec(Verification.sales(verdicts, ledger));

        setUp(phase1.injectOpen(rampUsers(imminent).during(Duration.ofSeconds(2)))
                        .andThen(phase2.injectOpen(rampUsers(backlogBuyers).during(Duration.ofSeconds(1)))
                                .andThen(phase3.injectOpen(rampUsers(imminent).during(Duration.ofSeconds(2)))
                                        .andThen(verifying.injectOpen(atOnceUsers(1))))))
                .protocols(protocol)
                .assertions(checksRan(), checksPassed(), fewFailures(), purchasesAnswerQuickly());
    }

    /** Buys one ticket for the concert {@code concert} names, requests its print and polls until PRINTED. */
    private ChainBuilder buyAndPrint(Supplier<String> concert, PrintTimes times) {
        return exec(session -> session.set("concertId", concert.get()))
                .exec(asLongAsDuring(
                                session -> !session.contains("ticketId")
                                        && !ledger.of(session.getString("concertId"))
                                                .closed(),
                                Duration.ofMinutes(2),
                                "buy",
                                false)
                        .on(
                                exec(session -> session.set("userId", Users.randomId())),
                                Purchasing.purchase(ledger, clock),
                                Purchasing.pauseAfterPurchase(session -> Duration.ZERO)))
                .doIf(session -> session.contains("ticketId"))
                .then(Prints.requestAndAwait(times, poll, patience));
    }

    private long countUnprinted(String ticketsBody) {
        long unprinted = 0;
        for (JsonNode ticket : TicketOverflowClient.parse(ticketsBody)) {
            if (!"PRINTED".equals(ticket.path("print_status").asText())) {
                unprinted++;
            }
        }
        backlogUnprinted.set(unprinted);
        return unprinted;
    }

    private Verdicts.Finding allPrinted(PrintTimes times) {
        List<String> problems = new ArrayList<>();
        if (times.requestedCount() < imminent) {
            problems.add("only %d of %d imminent tickets were bought and sent to print"
                    .formatted(times.requestedCount(), imminent));
        }
        if (times.printedCount() < times.requestedCount()) {
            problems.add("%d prints did not reach PRINTED within %s (%s)"
                    .formatted(times.requestedCount() - times.printedCount(), patience, times.failures()));
        }
        return Verdicts.Finding.of(times.figures(), problems);
    }

    private Verdicts.Finding promptDespiteBacklog() {
        Verdicts.Finding complete = allPrinted(withBacklog);
        List<String> problems = new ArrayList<>();
        if (complete.problem() != null) {
            problems.add(complete.problem());
        }
        long limit = limitMillis();
        if (withBacklog.maxMillis() > limit) {
            problems.add("the slowest imminent ticket took %.1f s to print, more than the %.1f s allowed"
                    .formatted(withBacklog.maxMillis() / 1000.0, limit / 1000.0));
        }
        String figures = ("%s; limit %.1f s (a seating plan took %.1f s); backlog %d prints requested,"
                        + " %d still unprinted after phase 3")
                .formatted(
                        withBacklog.figures(),
                        limit / 1000.0,
                        seatingRenderMillis / 1000.0,
                        backlogPrints.sum(),
                        backlogUnprinted.get());
        return Verdicts.Finding.of(figures, problems);
    }

    private long limitMillis() {
        Duration fixed = LoadSettings.seconds("q6.maxSeconds", null);
        if (fixed != null) {
            return fixed.toMillis();
        }
        return Math.round(withoutBacklog.maxMillis() * slack) + 2 * seatingRenderMillis + 2 * poll.toMillis();
    }

    @Override
    protected void setUpData() {
        LocalDate today = LocalDate.now();
        firstShow = createConcert("Q6 show tonight (no backlog) " + runTag, today, imminent);
        bigConcert = createConcert("Q6 big concert in six months " + runTag, today.plusMonths(6), backlog);
        secondShow = createConcert("Q6 show tonight (with backlog) " + runTag, today, imminent);
        System.out.printf(
                "Q6: %d imminent tickets per show, backlog of %d prints, %d backlog buyers%n",
                imminent, backlog, backlogBuyers);
        // the first seating plans are rendered ahead of prints: let them pass so both phases start alike
        long quickest = Long.MAX_VALUE;
        for (String concert : List.of(firstShow, bigConcert, secondShow)) {
            long servedAt = client.awaitSeatingPlan(concert, patience);
            quickest = Math.min(quickest, servedAt - ledger.of(concert).registeredAt());
        }
        seatingRenderMillis = quickest;
    }

    private String createConcert(String name, LocalDate date, int capacity) {
        String id = client.createConcert(name, "Q6 arena", date, capacity);
        ledger.register(id, name, capacity, false);
        return id;
    }

    @Override
    protected void describeRun() {
        if (backlogUnprinted.get() == 0 && withBacklog.maxMillis() <= limitMillis()) {
            verdicts.note("the backlog was fully printed by the end of phase 3: the renderer is fast enough that "
                    + "there was little to queue behind; run with a hamilton-like render cost to test priority");
        }
    }
}
