package org.ticketoverflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ordering rule, played on the real claim statement with a simulated clock: jobs of kinds this node has no
 * handler for (so its own workers leave them alone) are claimed by a simulated pool of slots, each job taking its
 * kind's expected run time, at instants the test chooses. Stand-in costs are hamilton's: 14 s a plan, 3.6 s a print.
 */
abstract class DeadlineOrderingScenarios extends JobsIntegrationScenario {

    static final String PLAN = "sim-plan";
    static final String PRINT = "sim-print";
    static final Duration PLAN_COST = Duration.ofMillis(14_000);
    static final Duration PRINT_COST = Duration.ofMillis(3_600);

    @Autowired
    Claims claims;

    @Autowired
    RunTimes runTimes;

    @Autowired
    QueueUpkeep upkeep;

    @Autowired
    MeterRegistry meters;

    Instant t0;

    @BeforeEach
    void learnTheStandInCosts() {
        jdbc.sql("DELETE FROM job_run_times").update();
        t0 = Instant.now().plusSeconds(1);
        runTimes.learn(PLAN, PLAN_COST, t0);
        runTimes.learn(PRINT, PRINT_COST, t0);
    }

    record Finished(String subject, String kind, Instant at, Instant deadline) {
        boolean late() {
            return at.isAfter(deadline);
        }
    }

    @Test
    void learnsTheExpectedRunTimeOfAKindFromMeasuredRuns() {
        assertThat(runTimes.expected(List.of(PLAN, "never-measured")))
                .containsEntry(PLAN, PLAN_COST)
                .containsEntry("never-measured", runTimes.initial());
        runTimes.learn(PLAN, PLAN_COST.plusSeconds(RunTimes.WEIGHT), t0);
        assertThat(runTimes.expected(List.of(PLAN))).containsEntry(PLAN, PLAN_COST.plusSeconds(1));
    }

    @Test
    void aPrintIsNotStarvedByManyPlans() {
        IntStream.range(0, 30).forEach(n -> add(PLAN, "plan-" + n, t0.plus(Duration.ofMinutes(3))));
        add(PRINT, "the-print", t0.plusSeconds(30));

        List<Finished> done = simulate(2);

        Finished print = find(done, "the-print");
        assertThat(print.late()).isFalse();
        assertThat(Duration.between(t0, print.at())).isLessThanOrEqualTo(PRINT_COST);
        assertThat(done.stream().filter(f -> f.kind().equals(PLAN)).filter(Finished::late))
                .as("2 slots cannot draw 30 plans of 14 s within 3 minutes: misses fall on plans, not on the print")
                .isNotEmpty();
    }

    @Test
    void plansAreNotStarvedByManyPrints() {
        IntStream.range(0, 200).forEach(n -> add(PRINT, "print-" + n, t0.plus(Duration.ofMinutes(30))));
        IntStream.range(0, 3).forEach(n -> add(PLAN, "plan-" + n, t0.plus(Duration.ofMinutes(3))));

        List<Finished> done = simulate(2);

        List<Finished> plans = done.stream().filter(f -> f.kind().equals(PLAN)).toList();
        assertThat(plans).hasSize(3).noneMatch(Finished::late);
        assertThat(plans.getLast().at())
                .as("plans drawn first: the last of 3 on 2 slots is done after two plan renders")
                .isEqualTo(t0.plus(PLAN_COST.multipliedBy(2)));
        assertThat(done).noneMatch(Finished::late);
    }

    @Test
    void imminentPrintsOvertakeFarOnesFirstComeFirstServedAmongEqualDeadlines() {
        IntStream.range(0, 100).forEach(n -> add(PRINT, "far-" + n, t0.plus(Duration.ofHours(6))));
        IntStream.range(0, 5).forEach(n -> add(PRINT, "imminent-" + n, t0.plusSeconds(10)));

        List<Finished> done = simulate(2);

        assertThat(done.subList(0, 5))
                .extracting(Finished::subject)
                .containsExactly("imminent-0", "imminent-1", "imminent-2", "imminent-3", "imminent-4");
        assertThat(done.subList(5, 10))
                .extracting(Finished::subject)
                .containsExactly("far-0", "far-1", "far-2", "far-3", "far-4");
    }

    @Test
    void ordersBySlackSoALongJobStartsBeforeAShortOneWithASlightlyEarlierDeadline() {
        add(PRINT, "short", t0.plusSeconds(20));
        add(PLAN, "long", t0.plusSeconds(25));

        assertThat(simulate(1)).extracting(Finished::subject).containsExactly("long", "short");
    }

    @Test
    void countsTheJobsPredictedToMissTheirDeadlinePerKind() {
        Instant now = Instant.now();
        // one slot (this test node's): plans finish 14, 28, 42, 56, 70, ... s from now; 60 s deadlines
        IntStream.range(0, 10).forEach(n -> add(PLAN, "plan-" + n, now.plusSeconds(60)));
        add(PRINT, "far-print", now.plus(Duration.ofHours(6)));

        upkeep.refreshMetrics();

        assertThat(predictedMisses(PLAN)).isEqualTo(6);
        assertThat(predictedMisses(PRINT)).isZero();
    }

    private double predictedMisses(String kind) {
        var gauge = meters.find("ticketoverflow.jobs.predicted.misses")
                .tag("kind", kind)
                .gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private void add(String kind, String subject, Instant deadline) {
        // due since before t0, however long enqueueing takes on a busy machine
        queue.enqueue(new NewJob(kind, subject, "group-of-" + subject, 0, t0.minusSeconds(60), deadline, null));
    }

    /** Runs the queue dry on {@code slots} simulated slots from t0; the jobs in the order they finished. */
    private List<Finished> simulate(int slots) {
        Map<String, Duration> expected = runTimes.expected(List.of(PLAN, PRINT));
        PriorityQueue<Instant> free = new PriorityQueue<>();
        IntStream.range(0, slots).forEach(n -> free.add(t0));
        List<Finished> done = new ArrayList<>();
        while (true) {
            Instant now = free.poll();
            List<ClaimedJob> claimed =
                    claims.claim("simulated", List.of(PLAN, PRINT), expected, 1, now, Duration.ofHours(1));
            if (claimed.isEmpty()) {
                return done.stream()
                        .sorted(java.util.Comparator.comparing(Finished::at))
                        .toList();
            }
            ClaimedJob job = claimed.getFirst();
            Instant finish = now.plus(expected.get(job.kind()));
            assertThat(claims.complete(job)).isTrue();
            done.add(new Finished(job.job().subject(), job.kind(), finish, job.deadline()));
            free.add(finish);
        }
    }

    private static Finished find(List<Finished> done, String subject) {
        return done.stream()
                .filter(f -> f.subject().equals(subject))
                .findFirst()
                .orElseThrow();
    }
}
