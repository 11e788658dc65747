package org.ticketoverflow.jobs;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketoverflow.jobs.TestHandlers.Gate;
import org.ticketoverflow.jobs.TestHandlers.Recorder;

/**
 * Common ground of the job queue scenarios: one worker slot on this node, a poll far too slow to pass any test
 * (so promptness proves the wake-ups), quick sweeps and retries, and an empty queue before each test.
 */
@SpringBootTest(
        properties = {
            "ticketoverflow.worker-concurrency=1",
            "ticketoverflow.jobs.poll=60s",
            "ticketoverflow.jobs.sweep-interval=200ms",
            "ticketoverflow.jobs.retry-backoff=100ms",
            "ticketoverflow.jobs.max-attempts=3",
            "ticketoverflow.jobs.shutdown-grace=1s",
            "ticketoverflow.jobs.metrics-interval=200ms"
        })
@Import(TestHandlers.class)
abstract class JobsIntegrationScenario {

    static final Duration PROMPTLY = Duration.ofSeconds(3);

    @Autowired
    JobQueue queue;

    @Autowired
    Jobs jobs;

    @Autowired
    Workers workers;

    @Autowired
    NodeId node;

    @Autowired
    Recorder recorder;

    @Autowired
    Gate gate;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    @BeforeEach
    void startWithAnEmptyQueue() {
        gate.reset();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM jobs WHERE state = 'RUNNING' AND lease_owner = :node")
                                .param("node", node.value())
                                .query(Long.class)
                                .single()
                        == 0);
        jdbc.sql("DELETE FROM jobs").update();
        recorder.clear();
    }

    @AfterEach
    void openTheGate() {
        gate.open();
    }

    /** Enqueues a gated job and waits until this node's only slot is busy with it. */
    void holdTheOnlySlot(String subject) {
        gate.close();
        queue.enqueue(job(TestHandlers.GATED, subject, 0));
        await().atMost(PROMPTLY).until(() -> gate.entered(subject));
    }

    /** A fixed origin for deadlines, so that tests can make them tie. */
    static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

    /** A job due now whose deadline lies {@code deadlineMinutes} after {@link #ORIGIN}. */
    static NewJob job(String kind, String subject, long deadlineMinutes) {
        return new NewJob(
                kind, subject, "group-of-" + subject, 0, Instant.now(), ORIGIN.plusSeconds(60 * deadlineMinutes), null);
    }

    /** A print-like job: grouped by concert day, its deadline that many minutes after {@link #ORIGIN}. */
    static NewJob print(String subject, long concertDay) {
        return new NewJob(
                TestHandlers.RECORD,
                subject,
                "concert-" + concertDay,
                concertDay,
                Instant.now(),
                ORIGIN.plusSeconds(60 * concertDay),
                null);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM jobs").query(Long.class).single();
    }

    Optional<Row> row(String subject) {
        return jdbc.sql("""
                SELECT kind, subject, state, attempts, lease_owner, lease_until, dedupe_key, last_error
                FROM jobs
                WHERE subject = :subject
                """).param("subject", subject).query(Row.class).optional();
    }

    record Row(
            String kind,
            String subject,
            String state,
            int attempts,
            String leaseOwner,
            java.time.OffsetDateTime leaseUntil,
            String dedupeKey,
            String lastError) {}
}
