package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Q8 of docs/scenarios.md, the Eras Tour: 24 concerts whose capacities add up to 2.8 million (× scale) go on sale
 * at once to a closed population of purchasers ({@code -Dq8.users}, default 200) who buy as fast as the server
 * lets them (think time {@code -Dq8.thinkMillis}, default 0; a shed purchase waits its Retry-After). Each
 * purchaser loops over GET /users/{id}, POST /tickets for a concert not yet sold out, GET /tickets/{id}, until
 * every concert is sold out. At the end every concert must be SOLD_OUT with sold = capacity and no oversell;
 * the wall time, purchases/s, shed (503) and error rates are reported.
 *
 * <p>Options for measuring how many seating plans the workers keep fresh while everything sells ("Eras with
 * plans", {@code bench/plans-while-selling}): {@code -Dq8.concerts} (default 24) sets the number of concerts the
 * seats are spread over, and {@code -Dq8.staff=true} adds one staff member per concert who looks at its seating
 * plan every 10 s while the sale lasts, and, after it, keeps looking until every plan shows every purchase (for
 * at most {@code q8.staffPatienceSeconds}, default 600). Each concert's worst staleness is then reported, sorted,
 * with how many stayed within 90 s and 180 s: as a note, not a check, since this run measures capacity and is
 * expected to exceed the bound past it. With the defaults nothing of this runs.
 */
public final class Q8ErasTourSimulation extends TicketOverflowSimulation {

    private static final long TOTAL = 2_800_000;

    private final int concerts = (int) LoadSettings.number("q8.concerts", 24);
    private final boolean staffWatch = Boolean.parseBoolean(LoadSettings.text("q8.staff", "false"));
    private final Duration staffPatience = LoadSettings.seconds("q8.staffPatienceSeconds", Duration.ofMinutes(10));
    private final SeatingWatch watch = new SeatingWatch(ledger);
    private final int purchasers = settings.purchasers((int) LoadSettings.number("q8.users", 200));
    private final Duration thinkTime = Duration.ofMillis((long) LoadSettings.number("q8.thinkMillis", 0));
    private final SaleClock clock = new SaleClock(
            LoadSettings.seconds("q8.timeoutSeconds", settings.duration(Duration.ofHours(3), Duration.ofMinutes(5))));
    private final double maxErrorPercent = LoadSettings.number("q8.maxErrorPercent", 0.1);

    public Q8ErasTourSimulation() {
        super("Q8");
        ScenarioBuilder buying = scenario("purchasers")
                .exec(asLongAs(session -> ledger.anyOpen() && clock.open(), "purchases", false)
                        .on(
                                exec(session ->
                                        session.set("userId", Users.randomId()).set("concertId", ledger.randomOpen())),
                                Purchasing.purchase(ledger, clock),
                                Purchasing.pauseAfterPurchase(session -> thinkTime)));
        ScenarioBuilder verifying = scenario("verify")
                .exec(Verification.figures(verdicts, "every concert sold out", this::allSoldOut))
                .exec(Verification.figures(verdicts, "shed and error rates", this::rates))
                .exec(Verification.sales(verdicts, ledger));

        PopulationBuilder sale =
                buying.injectClosed(rampConcurrentUsers(0).to(purchasers).during(Duration.ofSeconds(10)));
        List<PopulationBuilder> populations = new ArrayList<>();
        if (staffWatch) {
            AtomicInteger nextConcert = new AtomicInteger();
            ScenarioBuilder staff = scenario("staff, one per concert")
                    .exec(session -> session.set(
                            "seatsConcertId",
                            ledger.all()
                                    .get(nextConcert.getAndIncrement() % concerts)
                                    .concertId()))
                    .exec(asLongAs(session -> ledger.anyOpen() && clock.open(), "views", false)
                            .on(Staff.view(watch), pause(Staff.POLL)));
            ScenarioBuilder lastLook =
                    scenario("staff after the sale").exec(Staff.untilFresh(watch, ledger, staffPatience));
            populations.add(
                    sale.andThen(lastLook.injectOpen(atOnceUsers(1)).andThen(verifying.injectOpen(atOnceUsers(1)))));
            populations.add(staff.injectOpen(rampUsers(concerts).during(Staff.POLL)));
        } else {
            populations.add(sale.andThen(verifying.injectOpen(atOnceUsers(1))));
        }

        setUp(populations)
                .protocols(protocol)
                .assertions(
                        checksRan(),
                        checksPassed(),
                        global().failedRequests().percent().lte(maxErrorPercent),
                        purchasesAnswerQuickly());
    }

    /** {@code count} capacities between 0.8 and 1.2 × the mean, adding up to exactly {@code total}. */
    static List<Integer> capacities(long total, int count) {
        double[] weights = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = count == 1 ? 1.0 : 0.8 + 0.4 * ((i * 7) % count) / (count - 1.0);
            sum += weights[i];
        }
        List<Integer> capacities = new ArrayList<>();
        long assigned = 0;
        for (int i = 0; i < count; i++) {
            int capacity = (int) Math.max(1, Math.floor(total * weights[i] / sum));
            capacities.add(capacity);
            assigned += capacity;
        }
        for (int i = 0; assigned < total; i = (i + 1) % count, assigned++) {
            capacities.set(i, capacities.get(i) + 1);
        }
        return capacities;
    }

    private Verdicts.Finding allSoldOut() {
        List<String> problems = new ArrayList<>();
        long sold = 0;
        long capacity = 0;
        for (ConcertSales sales : ledger.all()) {
            sold += sales.sold();
            capacity += sales.capacity();
            if (sales.sold() != sales.capacity()) {
                problems.add("%s: %d of %d sold".formatted(sales.label(), sales.sold(), sales.capacity()));
            }
        }
        long millis = clock.selling().toMillis();
        String figures = "%d of %d seats sold in %.1f s (%.0f purchases/s) by %d purchasers"
                .formatted(sold, capacity, millis / 1000.0, millis == 0 ? 0.0 : sold * 1000.0 / millis, purchasers);
        return Verdicts.Finding.of(figures, problems.size() > 5 ? problems.subList(0, 5) : problems);
    }

    private Verdicts.Finding rates() {
        long attempts = ledger.all().stream().mapToLong(ConcertSales::attempts).sum();
        long shed = ledger.all().stream().mapToLong(ConcertSales::shed).sum();
        long errors = ledger.all().stream()
                .mapToLong(sales -> sales.other() + sales.unanswered())
                .sum();
        long soldOut = ledger.all().stream().mapToLong(ConcertSales::soldOut).sum();
        double shedPercent = attempts == 0 ? 0 : shed * 100.0 / attempts;
        double errorPercent = attempts == 0 ? 0 : errors * 100.0 / attempts;
        List<String> problems = new ArrayList<>();
        if (errorPercent > maxErrorPercent) {
            problems.add("%.3f %% of purchases failed (max %.3f %%)".formatted(errorPercent, maxErrorPercent));
        }
        String figures = "%d purchase attempts: shed (503) %d = %.2f %%, errors %d = %.3f %%, sold out (422) %d"
                .formatted(attempts, shed, shedPercent, errors, errorPercent, soldOut);
        return Verdicts.Finding.of(figures, problems);
    }

    @Override
    protected void setUpData() {
        if (concerts < 1) {
            throw new IllegalArgumentException("q8.concerts must be at least 1, was " + concerts);
        }
        long total = Math.max(concerts, Math.round(TOTAL * settings.scale()));
        List<Integer> capacities = capacities(total, concerts);
        LocalDate firstShow = LocalDate.now().plusMonths(3);
        for (int i = 0; i < concerts; i++) {
            String name = "Q8 Eras Tour night " + (i + 1) + " " + runTag;
            String id = client.createConcert(name, "Stadium " + (i + 1), firstShow.plusDays(3L * i), capacities.get(i));
            ledger.register(id, name, capacities.get(i), staffWatch);
        }
        System.out.printf(
                "Q8: %d concerts, %d seats in all (%d … %d each), %d purchasers, think time %s, "
                        + "gives up after %s%s%n",
                concerts,
                total,
                capacities.stream().mapToInt(c -> c).min().orElse(0),
                capacities.stream().mapToInt(c -> c).max().orElse(0),
                purchasers,
                thinkTime,
                clock.length(),
                staffWatch ? "; one staff member per concert watches its seating plan every " + Staff.POLL : "");
    }

    @Override
    protected void describeRun() {
        client.metric("jvm.memory.used", "area:heap")
                .ifPresent(bytes ->
                        verdicts.note("server heap in use at the end: %.0f MiB".formatted(bytes / (1024 * 1024))));
        if (staffWatch) {
            verdicts.note(stalenessNote());
        }
    }

    /** Each concert's worst seating-plan staleness seen by its staff member, sorted, and how many kept the bounds. */
    private String stalenessNote() {
        List<ConcertSales> all = ledger.all();
        List<Long> worst = new ArrayList<>();
        long fresh = 0;
        for (ConcertSales sales : all) {
            worst.add(watch.worstStaleness(sales.concertId()).toMillis());
            if (watch.fresh(sales.concertId())) {
                fresh++;
            }
        }
        worst.sort(null);
        StringBuilder sorted = new StringBuilder();
        for (long millis : worst) {
            sorted.append(sorted.isEmpty() ? "" : " ").append("%.0f".formatted(millis / 1000.0));
        }
        return ("seating staleness per concert (worst seen by staff, s, sorted): %s; <= 90 s: %d of %d,"
                        + " <= 180 s: %d of %d; last plan shows every purchase: %d of %d; %d plan views")
                .formatted(
                        sorted,
                        worst.stream().filter(millis -> millis <= 90_000).count(),
                        all.size(),
                        worst.stream().filter(millis -> millis <= 180_000).count(),
                        all.size(),
                        fresh,
                        all.size(),
                        watch.viewCount());
    }
}
