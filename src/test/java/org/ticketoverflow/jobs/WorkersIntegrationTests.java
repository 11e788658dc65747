package org.ticketoverflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.jobs.TestHandlers.RECORD;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketoverflow.jobs.TestHandlers.Handled;

/** What workers guarantee: leases, retries, failures, shutdown, and exactly-once claims under concurrency. */
abstract class WorkersIntegrationTests extends JobsIntegrationScenario {

    @Autowired
    Claims claims;

    @Autowired
    JobRunner runner;

    @Autowired
    Wakeup wakeup;

    @Autowired
    JobsSettings settings;

    @Autowired
    QueueUpkeep upkeep;

    @Autowired
    RunTimes runTimes;

    @Autowired
    java.time.Clock clock;

    @Test
    void takesOverTheJobOfAWorkerThatDiedOnceItsLeaseExpires() {
        holdTheOnlySlot("blocker");
        queue.enqueue(print("orphan", 1));
        Instant claimedAt = Instant.now();
        List<ClaimedJob> taken =
                claims.claim("dead-node", List.of(RECORD), Map.of(), 10, claimedAt, Duration.ofSeconds(1));
        assertThat(taken).extracting(claimed -> claimed.job().subject()).containsExactly("orphan");

        gate.open();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> recorder.finished(RECORD).contains("orphan"));
        Handled handled = recorder.attempts("orphan").getFirst();
        assertThat(handled.attempts()).isEqualTo(2);
        assertThat(handled.at()).isAfterOrEqualTo(claimedAt.plusSeconds(1));
    }

    @Test
    void keepsALongJobWhileItsWorkerHeartbeats() {
        holdTheOnlySlot("blocker");
        Workers quickLeases = new Workers(
                claims,
                jobs,
                runner,
                runTimes,
                wakeup,
                withLease(Duration.ofSeconds(1), Duration.ofMillis(200)),
                clock,
                "quick-lease-node",
                1,
                false);
        quickLeases.start();
        try {
            queue.enqueue(job(TestHandlers.GATED, "long-render", 0));
            await().atMost(PROMPTLY).until(() -> gate.entered("long-render"));

            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofMillis(2500))
                    .until(() -> row("long-render")
                            .filter(row -> row.state().equals("RUNNING")
                                    && row.attempts() == 1
                                    && "quick-lease-node".equals(row.leaseOwner()))
                            .isPresent());
            gate.open();
            await().atMost(PROMPTLY).until(() -> count() == 0);
            assertThat(recorder.attempts("long-render")).hasSize(1);
        } finally {
            quickLeases.stop();
        }
    }

    @Test
    void leavesJobsOfAKindItHasNoHandlerFor() {
        queue.enqueue(job("kind-of-a-newer-release", "not-mine", 0));
        queue.enqueue(print("mine", 1));

        await().atMost(PROMPTLY).until(() -> recorder.finished(RECORD).contains("mine"));
        assertThat(row("not-mine")).hasValueSatisfying(row -> {
            assertThat(row.state()).isEqualTo("QUEUED");
            assertThat(row.attempts()).isZero();
        });
    }

    @Test
    void retriesWithBackoffAfterTheHandlerThrowsThenSucceeds() {
        queue.enqueue(job(TestHandlers.FLAKY, "flaky", 0));

        await().atMost(PROMPTLY)
                .until(() -> recorder.finished(TestHandlers.FLAKY).contains("flaky"));
        List<Handled> attempts = recorder.attempts("flaky");
        assertThat(attempts).extracting(Handled::attempts).containsExactly(1, 2, 3);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        await().atMost(PROMPTLY).until(() -> count() == 0);
    }

    @Test
    void retriesWhenTheHandlerAsksToThenSucceeds() {
        queue.enqueue(job(TestHandlers.RETRY, "busy", 0));

        await().atMost(PROMPTLY).until(() -> recorder.attempts("busy").size() == 2 && count() == 0);
        List<Handled> attempts = recorder.attempts("busy");
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .as("the queue's one backoff: retry-backoff after the first attempt")
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void keepsAFailedJobWithItsError() {
        queue.enqueue(job(TestHandlers.FAIL, "on-fire", 0));

        await().atMost(PROMPTLY)
                .until(() -> row("on-fire")
                        .filter(row -> row.state().equals("FAILED"))
                        .isPresent());
        assertThat(row("on-fire")).hasValueSatisfying(row -> {
            assertThat(row.lastError()).isEqualTo("printer on fire");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.leaseOwner()).isNull();
        });
        assertThat(queue.depthByKind()).doesNotContainKey(TestHandlers.FAIL);
    }

    @Test
    void failsAJobThatKeepsThrowingOnceItRunsOutOfAttempts() {
        queue.enqueue(job(TestHandlers.BROKEN, "broken", 0));

        await().atMost(PROMPTLY)
                .until(() -> row("broken")
                        .filter(row -> row.state().equals("FAILED"))
                        .isPresent());
        assertThat(recorder.attempts("broken")).hasSize(settings.maxAttempts());
        assertThat(row("broken").orElseThrow().lastError()).contains("broken for good");
    }

    @Test
    void tellsTheHandlerWheneverAJobEndsForGood() {
        queue.enqueue(job(TestHandlers.FAIL, "refused", 0));
        queue.enqueue(job(TestHandlers.BROKEN, "worn-out", 0));

        await().atMost(PROMPTLY).until(() -> recorder.givenUp().size() == 2);
        assertThat(recorder.givenUp())
                .containsExactlyInAnyOrder(
                        "refused: printer on fire", "worn-out: java.lang.IllegalStateException: broken for good");
        assertThat(row("worn-out").orElseThrow().attempts()).isEqualTo(settings.maxAttempts());
    }

    @Test
    void givesUpAJobWhoseLeaseExpiresOnItsLastAttemptAndTellsItsHandler() {
        holdTheOnlySlot("blocker");
        queue.enqueue(print("last-try", 1));
        List<ClaimedJob> taken =
                claims.claim("dying-node", List.of(RECORD), Map.of(), 1, Instant.now(), Duration.ofMillis(300));
        assertThat(taken).hasSize(1);
        jdbc.sql("UPDATE jobs SET attempts = :max WHERE subject = 'last-try'")
                .param("max", settings.maxAttempts())
                .update();

        await().atMost(PROMPTLY).until(() -> !recorder.givenUp().isEmpty());
        assertThat(recorder.givenUp()).singleElement().asString().startsWith("last-try: lease of dying-node expired");
        assertThat(row("last-try")).hasValueSatisfying(row -> {
            assertThat(row.state()).isEqualTo("FAILED");
            assertThat(row.leaseOwner()).isNull();
        });
        assertThat(recorder.attempts("last-try")).as("never run again").isEmpty();
    }

    @Test
    void deletesFailedJobsOnlyOnceTheirRetentionIsOver() {
        queue.enqueue(job(TestHandlers.FAIL, "old-failure", 0));
        await().atMost(PROMPTLY)
                .until(() -> row("old-failure")
                        .filter(r -> r.state().equals("FAILED"))
                        .isPresent());

        assertThat(upkeep.deleteOldFailures()).isZero();
        jdbc.sql("UPDATE jobs SET failed_at = :longAgo WHERE subject = 'old-failure'")
                .param(
                        "longAgo",
                        Instant.now()
                                .minus(settings.failedRetention())
                                .minusSeconds(60)
                                .atOffset(ZoneOffset.UTC))
                .update();
        assertThat(upkeep.deleteOldFailures()).isEqualTo(1);
        assertThat(row("old-failure")).isEmpty();
    }

    @Test
    void handsUnfinishedJobsBackToTheQueueOnShutdown() {
        holdTheOnlySlot("stuck");
        queue.enqueue(print("waiting", 1));
        try {
            long started = System.nanoTime();
            workers.stop();
            Duration stopping = Duration.ofNanos(System.nanoTime() - started);

            assertThat(stopping)
                    .isBetween(
                            settings.shutdownGrace(), settings.shutdownGrace().plusSeconds(3));
            assertThat(row("stuck")).hasValueSatisfying(row -> {
                assertThat(row.state()).isEqualTo("QUEUED");
                assertThat(row.leaseOwner()).isNull();
                assertThat(row.leaseUntil()).isNull();
                assertThat(row.attempts()).isZero();
            });
            assertThat(row("waiting"))
                    .hasValueSatisfying(row -> assertThat(row.state()).isEqualTo("QUEUED"));
        } finally {
            gate.open();
            workers.start();
        }
        await().atMost(PROMPTLY).until(() -> count() == 0);
        assertThat(recorder.finishedSubjects()).containsExactlyInAnyOrder("stuck", "waiting");
    }

    @Test
    void letsRunningJobsFinishOnShutdown() throws InterruptedException {
        holdTheOnlySlot("finishing");
        try {
            Thread stopping = Thread.ofPlatform().start(workers::stop);
            await().atMost(PROMPTLY).until(() -> !workers.isRunning());
            gate.open();
            stopping.join(Duration.ofSeconds(5));

            assertThat(recorder.finishedSubjects()).containsExactly("finishing");
            assertThat(count()).isZero();
        } finally {
            workers.start();
        }
    }

    @Test
    void handlesEveryJobExactlyOnceAcrossManySlotsAndNodes() {
        List<Workers> nodes = IntStream.range(0, 2)
                .mapToObj(n -> new Workers(
                        claims, jobs, runner, runTimes, wakeup, settings, clock, "extra-node-" + n, 3, false))
                .toList();
        nodes.forEach(Workers::start);
        try {
            IntStream.range(0, 300).forEach(n -> queue.enqueue(print("job-" + n, 20_000 + n % 7)));

            await().atMost(Duration.ofSeconds(30)).until(() -> count() == 0);
            assertThat(recorder.finishedSubjects()).hasSize(300).doesNotHaveDuplicates();
        } finally {
            nodes.forEach(Workers::stop);
        }
    }

    private JobsSettings withLease(Duration lease, Duration heartbeat) {
        return new JobsSettings(
                lease,
                heartbeat,
                settings.poll(),
                settings.sweepInterval(),
                settings.retryBackoff(),
                settings.retryBackoffMax(),
                settings.maxAttempts(),
                settings.failedRetention(),
                settings.cleanupInterval(),
                settings.shutdownGrace(),
                settings.metricsInterval(),
                settings.initialRunTime());
    }
}
