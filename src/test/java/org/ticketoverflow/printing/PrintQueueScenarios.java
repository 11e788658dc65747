package org.ticketoverflow.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.printing.Prints.awaitAllPrinted;
import static org.ticketoverflow.printing.Prints.awaitStatus;
import static org.ticketoverflow.printing.Prints.buy;
import static org.ticketoverflow.printing.Prints.createConcert;
import static org.ticketoverflow.printing.Prints.rename;
import static org.ticketoverflow.printing.Prints.requestPrint;
import static org.ticketoverflow.printing.Prints.status;
import static org.ticketoverflow.support.ApiClient.user;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.OwnDatabase;
import org.ticketoverflow.support.SvgDocument;

/**
 * The job queue as printing and seating use it, on a node with ONE worker slot and a built-in renderer that burns
 * a bcrypt of cost {@value #RENDER_COST} per document (0.2–0.4 s on a busy 2-core machine), so work waits its turn: Q6's
 * imminent tickets overtake a backlog, seating plans overtake prints, and a job whose worker died is taken over
 * once its lease expires. Orders are asserted, not durations. The node runs on a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PrintQueueScenarios {

    static final int RENDER_COST = 11;
    private static final int SLOTS = 1;

    private OwnDatabase database;
    private AppInstance node;
    private ApiClient api;
    private JdbcClient jdbc;

    /** A database nothing else uses, for this class's node. */
    protected abstract OwnDatabase ownDatabase();

    @BeforeAll
    void startNode() {
        database = ownDatabase();
        node = database.start(
                "ticketoverflow.render-cost=" + RENDER_COST,
                "ticketoverflow.worker-concurrency=" + SLOTS,
                "ticketoverflow.jobs.lease=2s",
                "ticketoverflow.jobs.heartbeat=500ms",
                "ticketoverflow.jobs.sweep-interval=250ms",
                "ticketoverflow.jobs.poll=500ms",
                "ticketoverflow.seating.min-interval=1s",
                "ticketoverflow.seating.sweep-interval=250ms",
                "ticketoverflow.printing.sweep-interval=250ms");
        api = node.api();
        jdbc = database.jdbc();
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.discard();
        }
    }

    @BeforeEach
    void awaitNoPrintsWaiting() {
        await().atMost(Duration.ofSeconds(60)).until(() -> printJobs() == 0);
    }

    @Test
    void imminentPrintsOvertakeABacklogForALaterConcertAndEachDateIsFirstComeFirstServed() {
        LocalDate today = LocalDate.now();
        String later =
                createConcert(api, "Stadium Tour", "Stadium", today.plusYears(1).toString(), 24);
        String tonight = createConcert(api, "Club Night", "Club", today.toString(), 5);
        List<String> backlog = buy(api, later, 24, i -> user(200 + i));
        List<String> imminent = buy(api, tonight, 5, i -> user(230 + i));
        backlog.forEach(id -> requestPrint(api, id));

        List<Instant> requested = new ArrayList<>();
        for (String id : imminent) {
            requestPrint(api, id);
            requested.add(Instant.now());
        }

        awaitAllPrinted(api, tonight);
        awaitAllPrinted(api, later);
        Map<String, Instant> printedAt = printedAt(List.of(later, tonight));
        List<String> completed = printedAt.keySet().stream()
                .sorted(Comparator.comparing(printedAt::get))
                .toList();
        assertThat(completed.stream().filter(imminent::contains).toList()).containsExactlyElementsOf(imminent);
        assertThat(completed.stream().filter(backlog::contains).toList()).containsExactlyElementsOf(backlog);
        for (int i = 0; i < imminent.size(); i++) {
            Instant arrived = requested.get(i);
            Instant done = printedAt.get(imminent.get(i));
            assertThat(backlog.stream()
                            .filter(b -> printedAt.get(b).isAfter(arrived)
                                    && printedAt.get(b).isBefore(done)))
                    .as("backlog prints finished between the request for imminent ticket %d and its print", i)
                    .hasSizeLessThanOrEqualTo(SLOTS);
        }
        Instant lastImminent = printedAt.get(imminent.getLast());
        assertThat(backlog.stream().filter(b -> printedAt.get(b).isAfter(lastImminent)))
                .as("backlog prints still to do when the last imminent ticket was printed")
                .hasSizeGreaterThanOrEqualTo(backlog.size() / 3);
    }

    @Test
    void aSeatingPlanCatchesUpWhileAPrintBacklogIsStillWaiting() {
        String show = api.createConcert(50).get("id").stringValue();
        awaitPlan(show, show + "|50|0");
        String later = createConcert(
                api, "Far Away", "Stadium", LocalDate.now().plusYears(2).toString(), 30);
        List<String> backlog = buy(api, later, 30, i -> user(240 + i));
        backlog.forEach(id -> requestPrint(api, id));
        try {
            buy(api, show, 5, i -> user(270 + i));

            awaitPlan(show, show + "|50|5");

            assertThat(printJobs())
                    .as("prints of the backlog still waiting or running when the plan caught up")
                    .isGreaterThanOrEqualTo(backlog.size() / 2);
        } finally {
            jdbc.sql("DELETE FROM jobs WHERE kind = 'print' AND group_key = :concert AND state = 'QUEUED'")
                    .param("concert", later)
                    .update();
        }
    }

    @Test
    void thePlanFollowsPurchasesAndRenames() {
        String id = createConcert(api, "Plan & Show", "Hall <1>", "2031-04-01", 30);
        awaitPlan(id, id + "|30|0");

        buy(api, id, 3, i -> user(275 + i));

        awaitPlan(id, id + "|30|3");
        rename(api, id, "Renamed <Plan> & Co");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    SvgDocument plan = SvgDocument.parse(plan(id).body());
                    assertThat(plan.rootDesc()).isEqualTo(id + "|30|3");
                    assertThat(plan.texts())
                            .anySatisfy(text -> assertThat(text).contains("Renamed <Plan> & Co"))
                            .noneSatisfy(text -> assertThat(text).contains("Plan & Show"));
                });
    }

    @Test
    void aPrintWhoseWorkerDiedIsTakenOverWhenItsLeaseExpires() {
        String first =
                createConcert(api, "First", "Hall", LocalDate.now().plusDays(1).toString(), 3);
        String last = createConcert(api, "Last", "Hall", "2099-01-01", 1);
        List<String> ahead = buy(api, first, 3, i -> user(280 + i));
        String victim = buy(api, last, 1, i -> user(290)).getFirst();
        ahead.forEach(id -> requestPrint(api, id));
        requestPrint(api, victim);

        Instant leaseUntil = Instant.now().plusSeconds(1);
        int taken = jdbc.sql("""
                UPDATE jobs
                SET state = 'RUNNING', lease_owner = 'dead-node', lease_until = :until, attempts = attempts + 1,
                    dedupe_key = NULL
                WHERE kind = 'print' AND subject = :ticket AND state = 'QUEUED'
                """)
                .param("until", leaseUntil.atOffset(ZoneOffset.UTC))
                .param("ticket", victim)
                .update();

        assertThat(taken)
                .as("the victim's print was still queued behind the others")
                .isOne();
        assertThat(status(api, victim)).isEqualTo("PENDING");
        awaitStatus(api, victim, "PRINTED");
        assertThat(printedAt(List.of(last)).get(victim)).isAfter(leaseUntil);
        assertThat(printJobs()).isZero();
    }

    @Test
    void aPrintWhoseLeaseExpiresOnItsLastAttemptEndsInErrorAndAPrintRequestWorksAgain() {
        String concert = createConcert(
                api, "Last Try", "Hall", LocalDate.now().plusDays(3).toString(), 2);
        String blocker = buy(api, concert, 1, i -> user(291)).getFirst();
        String victim = buy(api, concert, 1, i -> user(292)).getFirst();
        requestPrint(api, blocker);
        requestPrint(api, victim);
        int maxAttempts = 10;

        // a worker that claimed the victim's print for its last attempt, then died
        int taken = jdbc.sql("""
                UPDATE jobs
                SET state = 'RUNNING', lease_owner = 'dead-node', lease_until = :until, attempts = :max,
                    dedupe_key = NULL
                WHERE kind = 'print' AND subject = :ticket AND state = 'QUEUED'
                """)
                .param("until", Instant.now().plusMillis(500).atOffset(ZoneOffset.UTC))
                .param("max", maxAttempts)
                .param("ticket", victim)
                .update();
        assertThat(taken).as("the victim's print was still queued").isOne();

        awaitStatus(api, victim, "ERROR");
        assertThat(jdbc.sql("SELECT state FROM jobs WHERE subject = :ticket")
                        .param("ticket", victim)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");

        requestPrint(api, victim);
        awaitStatus(api, victim, "PRINTED");
    }

    @Test
    void waitingPrintsGetTheDeadlineOfTheirConcertsNewDateEvenWithoutTheChangeEvent() {
        String concert = createConcert(
                api, "Moved Show", "Hall", LocalDate.now().plusYears(1).toString(), 3);
        List<String> waiting = buy(api, concert, 3, i -> user(295 + i));
        LocalDate nextYear = LocalDate.now().plusYears(1);
        // print requests as PrintDesk makes them, but not due for an hour: still waiting when the sweep comes by
        Instant now = Instant.now();
        for (String ticket : waiting) {
            jdbc.sql("UPDATE tickets SET print_status = 'PENDING' WHERE id = :ticket")
                    .param("ticket", ticket)
                    .update();
            jdbc.sql("""
                    INSERT INTO jobs (kind, subject, group_key, deadline_basis, state, run_at, deadline, enqueued_at,
                                      attempts)
                    VALUES ('print', :ticket, :concert, :basis, 'QUEUED', :later, :deadline, :now, 0)
                    """)
                    .param("ticket", ticket)
                    .param("concert", concert)
                    .param("basis", nextYear.toEpochDay())
                    .param("later", now.plusSeconds(3600).atOffset(ZoneOffset.UTC))
                    .param("deadline", now.plus(PrintPromise.LOOSEST).atOffset(ZoneOffset.UTC))
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .update();
        }
        LocalDate tomorrow = LocalDate.now().plusDays(1);

        // the date changes behind the application's back: no ConcertChanged event is published
        jdbc.sql("UPDATE concerts SET concert_date = :date WHERE id = :id")
                .param("date", tomorrow)
                .param("id", concert)
                .update();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT deadline_basis FROM jobs WHERE kind = 'print' AND group_key = :concert
                        """)
                                .param("concert", concert)
                                .query(Long.class)
                                .list())
                        .hasSize(3)
                        .containsOnly(tomorrow.toEpochDay()));
        List<Duration> promised = jdbc.sql("""
                        SELECT enqueued_at, deadline FROM jobs WHERE kind = 'print' AND group_key = :concert
                        """)
                .param("concert", concert)
                .query((row, n) -> Duration.between(
                        row.getObject(1, OffsetDateTime.class), row.getObject(2, OffsetDateTime.class)))
                .list();
        assertThat(promised)
                .as("a show tomorrow is promised within about a minute, not the 6 hours of a show next year")
                .allSatisfy(deadline -> assertThat(deadline).isLessThan(Duration.ofMinutes(2)));
        jdbc.sql("UPDATE jobs SET run_at = :now WHERE group_key = :concert")
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .param("concert", concert)
                .update();
        awaitAllPrinted(api, concert);
    }

    private ApiResponse plan(String concertId) {
        return api.get("/api/v1/concerts/" + concertId + "/seats");
    }

    private void awaitPlan(String concertId, String desc) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    ApiResponse plan = plan(concertId);
                    assertThat(plan.status()).as("%s", plan).isEqualTo(200);
                    assertThat(plan.contentType()).isEqualTo("image/svg+xml");
                    assertThat(SvgDocument.parse(plan.body()).rootDesc()).isEqualTo(desc);
                });
    }

    private long printJobs() {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE kind = 'print' AND state IN ('QUEUED', 'RUNNING')")
                .query(Long.class)
                .single();
    }

    private Map<String, Instant> printedAt(Collection<String> concertIds) {
        Map<String, Instant> printed = new HashMap<>();
        jdbc.sql("SELECT ticket_id, printed_at FROM ticket_prints WHERE concert_id IN (:concerts)")
                .param("concerts", concertIds)
                .query(row -> {
                    printed.put(
                            row.getString(1),
                            row.getObject(2, OffsetDateTime.class).toInstant());
                });
        return printed;
    }
}
