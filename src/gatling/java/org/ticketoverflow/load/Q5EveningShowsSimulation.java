package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Q5 of docs/scenarios.md, evening shows: three concerts tonight (capacities 3000/2000/1500) on sale at once to
 * ~300 purchasers, some of whom print their ticket straight away ({@code -Dq5.printFraction}, default 0.01: at
 * hamilton's cost 2 worker slots print about 0.5 tickets/s, and 5 % of ~30 purchases/s would be three times that),
 * while 5 staff look at the seating plan of a random concert every 10 s. A purchaser who prints waits for the
 * print: it polls the ticket every {@code q5.pollMillis} (1 s) until PRINTED or ERROR, for at most
 * {@code q5.printTimeoutSeconds} (300 s), then buys on. The prints queue behind each other with a renderer as
 * slow as hamilton; the seating plans must stay at most 3 min stale all the same, and every print must reach
 * PRINTED (the time from request to PRINTED is reported: min, p50, p95, max).
 */
public final class Q5EveningShowsSimulation extends TicketOverflowSimulation {

    private static final int[] CAPACITIES = {3000, 2000, 1500};
    private static final int PURCHASERS = 300;
    private static final int STAFF = 5;
    private static final Duration RAMP = Duration.ofMinutes(5);
    private static final Duration SALE = Duration.ofMinutes(10);

    private final SaleClock clock = new SaleClock(settings.duration(SALE));
    private final SeatingWatch watch = new SeatingWatch(ledger);
    private final double printFraction = LoadSettings.number("q5.printFraction", 0.01);
    private final Duration printPoll = Duration.ofMillis((long) LoadSettings.number("q5.pollMillis", 1000));
    private final Duration printPatience = LoadSettings.seconds("q5.printTimeoutSeconds", Duration.ofMinutes(5));
    private final PrintTimes prints = new PrintTimes();

    public Q5EveningShowsSimulation() {
        super("Q5");
        ScenarioBuilder buying = scenario("purchasers")
                .exec(asLongAs(session -> clock.open(), "purchases", false)
                        .on(
                                exec(session -> session.set("userId", Users.randomId())
                                        .set("concertId", ledger.randomByCapacity())),
                                Purchasing.purchase(ledger, clock),
                                maybePrint(),
                                Purchasing.pauseAfterPurchase(session -> Purchasing.around(settings.thinkTime()))));
        int views = (int) Math.max(2, clock.length().dividedBy(Staff.POLL));
        ScenarioBuilder staff = scenario("staff").exec(Staff.watching(watch, views, ledger::random));
        ScenarioBuilder lastLook = scenario("staff after the sale")
                .exec(Staff.untilFresh(watch, ledger, settings.maxStaleness().plus(Staff.POLL.multipliedBy(2))));
        ScenarioBuilder verifying = scenario("verify")
                .exec(Verification.sales(verdicts, ledger))
                .exec(Verification.figures(verdicts, "seating plans of all three shows", this::seatingFinding))
                .exec(Verification.figures(verdicts, "prints requested during the sale", this::printFinding));

        setUp(
                        buying.injectOpen(rampUsers(settings.purchasers(PURCHASERS))
                                        .during(settings.duration(RAMP)))
                                .andThen(lastLook.injectOpen(atOnceUsers(1))
                                        .andThen(verifying.injectOpen(atOnceUsers(1)))),
                        staff.injectOpen(rampUsers(STAFF).during(Staff.POLL)))
                .protocols(protocol)
                .assertions(checksRan(), checksPassed(), fewFailures(), purchasesAnswerQuickly());
    }

    private ChainBuilder maybePrint() {
        return doIf(session -> session.contains("ticketId")
                        && ThreadLocalRandom.current().nextDouble() < printFraction)
                .then(Prints.requestAndAwait(prints, printPoll, printPatience));
    }

    private Verdicts.Finding printFinding() {
        if (prints.requestedCount() == 0) {
            return Verdicts.Finding.of("no prints requested", List.of());
        }
        List<String> problems = new ArrayList<>();
        if (!prints.failures().isEmpty()) {
            problems.add("%d prints ended %s".formatted(prints.failures().size(), prints.failures()));
        }
        long unsettled = prints.requestedCount()
                - prints.printedCount()
                - prints.failures().size();
        if (unsettled > 0) {
            problems.add("%d prints did not reach PRINTED within %s".formatted(unsettled, printPatience));
        }
        return Verdicts.Finding.of(prints.figures(), problems);
    }

    private Verdicts.Finding seatingFinding() {
        StringBuilder figures = new StringBuilder();
        List<String> problems = new ArrayList<>();
        for (ConcertSales sales : ledger.all()) {
            Verdicts.Finding finding = watch.finding(sales.concertId(), settings.maxStaleness());
            figures.append(System.lineSeparator())
                    .append("          ")
                    .append(sales.label())
                    .append(": ")
                    .append(finding.figures());
            if (finding.problem() != null) {
                problems.add(sales.label() + ": " + finding.problem());
            }
        }
        return Verdicts.Finding.of(figures.toString(), problems);
    }

    @Override
    protected void setUpData() {
        for (int i = 0; i < CAPACITIES.length; i++) {
            String name = "Q5 evening show " + (i + 1) + " " + runTag;
            int capacity = settings.scaled(CAPACITIES[i]);
            String id = client.createConcert(name, "Evening hall " + (i + 1), LocalDate.now(), capacity);
            ledger.register(id, name, capacity, true);
            System.out.printf("Q5: concert %s (%s), capacity %d%n", id, name, capacity);
        }
        System.out.printf(
                "Q5: %d purchasers arriving over %s, sale lasts %s, %.1f %% of tickets printed (waited for)%n",
                settings.purchasers(PURCHASERS), settings.duration(RAMP), clock.length(), printFraction * 100);
    }

    @Override
    protected void describeRun() {
        verdicts.note("%d prints requested during the sale; %d seating-plan views in all"
                .formatted(prints.requestedCount(), watch.viewCount()));
    }
}
