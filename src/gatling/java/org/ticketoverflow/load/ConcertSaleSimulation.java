package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One concert on sale (Q1–Q4): purchasers arrive over {@code ramp} and buy until the sale window closes; with
 * staff, they also poll the seating plan. Afterwards the sale is checked against the server (no oversell, no
 * lost sale, SOLD_OUT when it must be) and, with staff, the plan's freshness.
 */
abstract class ConcertSaleSimulation extends TicketOverflowSimulation {

    /** The figures of one scenario at scale 1. */
    record Sale(
            String scenario,
            String name,
            int capacity,
            int purchasers,
            Duration ramp,
            Duration length,
            int staff,
            int viewsPerStaff) {}

    private final Sale sale;
    private final int capacity;
    private final SaleClock clock;
    private final SeatingWatch watch = new SeatingWatch(ledger);
    private volatile String concertId;

    ConcertSaleSimulation(Sale sale) {
        super(sale.scenario());
        this.sale = sale;
        this.capacity = settings.scaled(sale.capacity());
        this.clock = new SaleClock(settings.duration(sale.length()));

        int purchasers = settings.purchasers(sale.purchasers());
        Duration ramp = settings.duration(sale.ramp());
        ScenarioBuilder buying = scenario("purchasers")
                .exec(session -> session.set("concertId", concertId))
                .exec(asLongAs(session -> clock.open(), "purchases", false)
                        .on(
                                exec(session -> session.set("userId", Users.randomId())),
                                Purchasing.purchase(ledger, clock),
                                Purchasing.pauseAfterPurchase(session -> Purchasing.around(settings.thinkTime()))));
        ScenarioBuilder verifying = scenario("verify").exec(Verification.sales(verdicts, ledger));
        if (sale.staff() > 0) {
            verifying = verifying.exec(Verification.figures(
                    verdicts, "seating plan views", () -> watch.finding(concertId, settings.maxStaleness())));
        }

        List<PopulationBuilder> populations = new ArrayList<>();
        PopulationBuilder afterSale = verifying.injectOpen(atOnceUsers(1));
        if (sale.staff() > 0) {
            afterSale = scenario("staff after the sale")
                    .exec(Staff.untilFresh(
                            watch, ledger, settings.maxStaleness().plus(Staff.POLL.multipliedBy(2))))
                    .injectOpen(atOnceUsers(1))
                    .andThen(afterSale);
            int views = staffViews();
            Duration spread = clock.length().minus(Staff.POLL.multipliedBy(views));
            populations.add(scenario("staff")
                    .exec(Staff.watching(watch, views, () -> concertId))
                    .injectOpen(rampUsers(sale.staff()).during(spread.isNegative() ? Duration.ZERO : spread)));
        }
        populations.add(buying.injectOpen(rampUsers(purchasers).during(ramp)).andThen(afterSale));
        setUp(populations)
                .protocols(protocol)
                .assertions(checksRan(), checksPassed(), fewFailures(), purchasesAnswerQuickly());
    }

    /** As many views as the spec's 10 per staff member, or fewer when the sale is too short to hold them. */
    private int staffViews() {
        long fit = clock.length().dividedBy(Staff.POLL.multipliedBy(2));
        return Math.clamp(fit, 2, sale.viewsPerStaff());
    }

    @Override
    protected void setUpData() {
        String name = sale.name() + " " + runTag;
        concertId = client.createConcert(name, "Load test venue", LocalDate.now(), capacity);
        ledger.register(concertId, name, capacity, sale.staff() > 0);
        System.out.printf(
                "%s: concert %s (%s), capacity %d, %d purchasers arriving over %s, sale lasts %s%n",
                sale.scenario(),
                concertId,
                name,
                capacity,
                settings.purchasers(sale.purchasers()),
                settings.duration(sale.ramp()),
                clock.length());
    }

    @Override
    protected void describeRun() {
        ConcertSales sales = ledger.of(concertId);
        long selling = clock.selling().toMillis();
        verdicts.note("sale window %s; last 201 after %.1f s; %.1f purchases/s while selling"
                .formatted(clock.length(), selling / 1000.0, selling == 0 ? 0.0 : sales.sold() * 1000.0 / selling));
        if (sales.shed() > 0) {
            verdicts.note("%d of %d purchase attempts were shed (503)".formatted(sales.shed(), sales.attempts()));
        }
    }
}
