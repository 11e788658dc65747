package org.ticketoverflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.jobs.TestHandlers.RECORD;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What producers see: enqueueing, order of handling, dedupe, transactions, depth and meters. */
abstract class JobQueueIntegrationTests extends JobsIntegrationScenario {

    @Autowired
    MeterRegistry meters;

    @Test
    void handlesAnEnqueuedJobPromptlyWithoutWaitingForThePoll() {
        queue.enqueue(print("prompt", 20_000));

        await().atMost(PROMPTLY).until(() -> recorder.finished(RECORD).contains("prompt") && count() == 0);
    }

    @Test
    void handlesDueJobsByDeadlineFirstComeFirstServedOnATieAndLeavesJobsThatAreNotDue() {
        holdTheOnlySlot("blocker");
        queue.enqueue(print("p1", 20_020));
        queue.enqueue(print("p2", 20_010));
        queue.enqueue(print("p3", 20_030));
        queue.enqueue(print("p4", 20_010));
        queue.enqueue(print("p5", 20_020));
        queue.enqueue(job(RECORD, "seating", 10));
        queue.enqueue(
                new NewJob(RECORD, "seating-not-due", "c", 0, Instant.now().plusSeconds(3600), ORIGIN, null));

        gate.open();

        await().atMost(PROMPTLY).until(() -> recorder.finished(RECORD).size() == 6);
        assertThat(recorder.finished(RECORD)).containsExactly("seating", "p2", "p4", "p1", "p5", "p3");
        assertThat(row("seating-not-due"))
                .hasValueSatisfying(row -> assertThat(row.state()).isEqualTo("QUEUED"));
    }

    @Test
    void redateGivesTheWaitingJobsOfAGroupNewDeadlines() {
        holdTheOnlySlot("blocker");
        queue.enqueue(print("moved-concert", 20_010));
        queue.enqueue(print("other-concert", 20_020));

        assertThat(queue.waitingBases(RECORD)).containsEntry("concert-20010", java.util.Set.of(20_010L));
        assertThat(queue.redate(RECORD, "concert-20010", 20_030, enqueuedAt -> ORIGIN.plusSeconds(60 * 20_030)))
                .isEqualTo(1);
        assertThat(queue.redate(RECORD, "concert-20010", 20_030, enqueuedAt -> ORIGIN))
                .as("already at that basis")
                .isZero();
        gate.open();

        await().atMost(PROMPTLY).until(() -> recorder.finished(RECORD).size() == 2);
        assertThat(recorder.finished(RECORD)).containsExactly("other-concert", "moved-concert");
    }

    @Test
    void enqueueUniqueAddsOneWaitingJobPerKeyAndAnotherOnceThatOneIsClaimed() {
        gate.close();
        assertThat(queue.enqueueUnique(withKey(job(TestHandlers.GATED, "first", 0), "plan-1")))
                .isTrue();
        await().atMost(PROMPTLY).until(() -> gate.entered("first"));

        assertThat(queue.enqueueUnique(withKey(print("second", 1), "plan-1"))).isTrue();
        assertThat(queue.enqueueUnique(withKey(print("third", 1), "plan-1"))).isFalse();

        assertThat(row("first"))
                .hasValueSatisfying(row -> assertThat(row.dedupeKey()).isNull());
        assertThat(row("second"))
                .hasValueSatisfying(row -> assertThat(row.dedupeKey()).isEqualTo("plan-1"));
        assertThat(row("third")).isEmpty();
        gate.open();
        await().atMost(PROMPTLY).until(() -> count() == 0);
        assertThat(recorder.finishedSubjects()).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void enqueueUniqueAddsExactlyOneJobWhenManyRaceForAKey() throws Exception {
        NewJob plan =
                withKey(new NewJob(RECORD, "raced", "c", 0, Instant.now().plusSeconds(3600), null, null), "plan-r");
        try (ExecutorService racers = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> added = racers.invokeAll(Collections.nCopies(8, () -> queue.enqueueUnique(plan)));

            assertThat(added).extracting(Future::get).containsOnlyOnce(true);
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void enqueueUniqueRunsInItsOwnTransactionAndNeverAbortsTheCallers() {
        holdTheOnlySlot("blocker");
        queue.enqueueUnique(withKey(print("waiting", 1), "plan-2"));

        transaction().executeWithoutResult(status -> {
            queue.enqueue(print("callers-job", 1));
            assertThat(queue.enqueueUnique(withKey(print("duplicate", 1), "plan-2")))
                    .isFalse();
        });
        transaction().executeWithoutResult(status -> {
            assertThat(queue.enqueueUnique(withKey(print("own", 1), "plan-3"))).isTrue();
            status.setRollbackOnly();
        });

        assertThat(row("callers-job")).isPresent();
        assertThat(row("duplicate")).isEmpty();
        assertThat(row("own")).isPresent();
    }

    @Test
    void enqueueInARolledBackTransactionLeavesNothing() {
        transaction().executeWithoutResult(status -> {
            queue.enqueue(print("ghost", 1));
            status.setRollbackOnly();
        });

        assertThat(count()).isZero();
        queue.enqueue(print("after-the-ghost", 2));
        await().atMost(PROMPTLY).until(() -> recorder.finished(RECORD).contains("after-the-ghost"));
        assertThat(recorder.finishedSubjects()).doesNotContain("ghost");
    }

    @Test
    void reportsWaitingJobsByKindAndCountsOutcomes() {
        double doneBefore = completed(RECORD, "done");
        Instant later = Instant.now().plusSeconds(3600);
        queue.enqueue(new NewJob(RECORD, "later-1", "c", 1, later, null, null));
        queue.enqueue(new NewJob(RECORD, "later-2", "c", 1, later, null, null));
        queue.enqueue(print("now", 1));

        await().atMost(PROMPTLY).until(() -> recorder.finished(RECORD).contains("now"));
        assertThat(queue.depthByKind()).isEqualTo(Map.of(RECORD, 2L));
        await().atMost(PROMPTLY).untilAsserted(() -> {
            assertThat(meters.get("ticketoverflow.jobs.queued")
                            .tag("kind", RECORD)
                            .gauge()
                            .value())
                    .isEqualTo(2);
            assertThat(meters.get("ticketoverflow.jobs.queued")
                            .tag("kind", TestHandlers.FAIL)
                            .gauge()
                            .value())
                    .isZero();
            assertThat(completed(RECORD, "done")).isEqualTo(doneBefore + 1);
        });
        assertThat(meters.get("ticketoverflow.jobs.wait")
                        .tag("kind", RECORD)
                        .timer()
                        .count())
                .isPositive();
    }

    private double completed(String kind, String outcome) {
        var counter = meters.find("ticketoverflow.jobs.completed")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static NewJob withKey(NewJob job, String dedupeKey) {
        return new NewJob(
                job.kind(), job.subject(), job.groupKey(), job.basis(), job.runAt(), job.deadline(), dedupeKey);
    }
}
