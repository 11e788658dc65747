package org.ticketoverflow.load;

import io.gatling.http.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff saw of the seating plans: every view must succeed once the first plan exists (before it, 503 with
 * Retry-After is allowed) and no plan may be more than {@code maxStaleness} behind the purchases acknowledged
 * before the view was requested. Staleness is dated from the purchase log: a plan whose {@code <desc>} says
 * {@code n} seats are sold has been stale since the (n+1)-th 201 arrived; a missing first plan has been stale
 * since the concert was created.
 */
final class SeatingWatch {

    private static final Pattern DESC = Pattern.compile("<desc[^>]*>([^<]*)</desc>");
    private static final int MAX_PROBLEMS_KEPT = 5;

    private final SaleLedger ledger;
    private final Map<String, PlanViews> byConcert = new ConcurrentHashMap<>();

    SeatingWatch(SaleLedger ledger) {
        this.ledger = ledger;
    }

    private static final class PlanViews {
        final LongAdder views = new LongAdder();
        final LongAdder served = new LongAdder();
        final LongAdder notYet = new LongAdder();
        final AtomicLong firstPlanAt = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong worstLagMillis = new AtomicLong();
        final AtomicLong shownSold = new AtomicLong(-1);
        final List<String> problems = new CopyOnWriteArrayList<>();

        void problem(String text) {
            if (problems.size() < MAX_PROBLEMS_KEPT) {
                problems.add(text);
            }
        }
    }

    private PlanViews views(String concertId) {
        return byConcert.computeIfAbsent(concertId, id -> new PlanViews());
    }

    void observe(String concertId, Response response) {
        PlanViews plan = views(concertId);
        ConcertSales sales = ledger.of(concertId);
        plan.views.increment();
        int code = response.status().code();
        if (code == 200) {
            plan.served.increment();
            plan.firstPlanAt.accumulateAndGet(response.endTimestamp(), Math::min);
            String contentType = response.headers().get("Content-Type");
            if (!"image/svg+xml".equals(contentType)) {
                plan.problem("Content-Type " + contentType);
            }
            Matcher desc = DESC.matcher(response.body().string());
            if (!desc.find()) {
                plan.problem("no <desc> in the plan");
                return;
            }
            String[] parts = desc.group(1).trim().split("\\|");
            if (parts.length != 3
                    || !parts[0].equals(concertId)
                    || !parts[1].equals(Integer.toString(sales.capacity()))) {
                plan.problem("<desc> " + desc.group(1) + " is not " + concertId + "|" + sales.capacity() + "|<sold>");
                return;
            }
            long sold = Long.parseLong(parts[2]);
            if (sold < 0 || sold > sales.capacity()) {
                plan.problem("plan shows " + sold + " sold of " + sales.capacity());
            }
            plan.shownSold.accumulateAndGet(sold, Math::max);
            plan.worstLagMillis.accumulateAndGet(
                    sales.lag(sold, response.startTimestamp()).toMillis(), Math::max);
        } else if (code == 503 && !planServedBefore(concertId, response.startTimestamp())) {
            plan.notYet.increment();
            plan.worstLagMillis.accumulateAndGet(response.startTimestamp() - sales.registeredAt(), Math::max);
            if (response.headers().get("Retry-After") == null) {
                plan.problem("503 without Retry-After");
            }
        } else {
            plan.problem("HTTP " + code + " after the first plan was served");
        }
    }

    boolean planServedBefore(String concertId, long epochMillis) {
        return views(concertId).firstPlanAt.get() < epochMillis;
    }

    /** The newest plan seen shows every purchase acknowledged so far. */
    boolean fresh(String concertId) {
        return views(concertId).shownSold.get() >= ledger.of(concertId).sold();
    }

    /** The worst staleness any view of this concert's plan has shown so far (see the class comment). */
    Duration worstStaleness(String concertId) {
        return Duration.ofMillis(views(concertId).worstLagMillis.get());
    }

    long viewCount() {
        return byConcert.values().stream().mapToLong(plan -> plan.views.sum()).sum();
    }

    Verdicts.Finding finding(String concertId, Duration maxStaleness) {
        PlanViews plan = views(concertId);
        ConcertSales sales = ledger.of(concertId);
        long worst = plan.worstLagMillis.get();
        List<String> problems = new ArrayList<>(plan.problems);
        if (plan.served.sum() == 0) {
            problems.add("no seating plan was ever served");
        }
        if (worst > maxStaleness.toMillis()) {
            problems.add("a plan was %.1f s stale (max %d s)".formatted(worst / 1000.0, maxStaleness.toSeconds()));
        }
        if (!fresh(concertId)) {
            problems.add("the last plan shows %d sold but %d purchases were acknowledged"
                    .formatted(plan.shownSold.get(), sales.sold()));
        }
        long firstPlan = plan.firstPlanAt.get();
        String firstPlanFigure = firstPlan == Long.MAX_VALUE
                ? "never"
                : "%.1f s after the concert was created".formatted((firstPlan - sales.registeredAt()) / 1000.0);
        String figures = ("%d views (200: %d, 503 before the first plan: %d), first plan seen %s,"
                        + " worst staleness %.1f s, last plan shows %d of %d sold")
                .formatted(
                        plan.views.sum(),
                        plan.served.sum(),
                        plan.notYet.sum(),
                        firstPlanFigure,
                        worst / 1000.0,
                        plan.shownSold.get(),
                        sales.sold());
        return Verdicts.Finding.of(figures, problems);
    }
}
