package org.ticketoverflow.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.printing.Prints.awaitStatus;
import static org.ticketoverflow.printing.Prints.buy;
import static org.ticketoverflow.printing.Prints.createConcert;
import static org.ticketoverflow.printing.Prints.requestPrint;
import static org.ticketoverflow.printing.Prints.status;
import static org.ticketoverflow.printing.Prints.svg;
import static org.ticketoverflow.printing.SteerableHamilton.SEATING;
import static org.ticketoverflow.printing.SteerableHamilton.TICKET;
import static org.ticketoverflow.support.ApiClient.user;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.OwnDatabase;
import org.ticketoverflow.support.PrometheusScrape;
import org.ticketoverflow.support.Race;
import org.ticketoverflow.support.SvgDocument;

/**
 * Printing through the hamilton adapter with a stand-in tool the test steers ({@link SteerableHamilton}): renders
 * that fail, renders held while the test looks at PENDING, and slow renders racing a rename (Q7, see
 * {@link RenameRace}). The node runs on a database of its own with several worker slots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HamiltonPrintingScenarios {

    static final int SLOTS = 4;

    private final SteerableHamilton hamilton = SteerableHamilton.create();
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
                "ticketoverflow.renderer=hamilton",
                "ticketoverflow.hamilton-path=" + hamilton.executable(),
                "ticketoverflow.worker-concurrency=" + SLOTS,
                "ticketoverflow.jobs.poll=500ms");
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

    @AfterEach
    void letTheRendererGo() {
        for (String kind : List.of(TICKET, SEATING)) {
            hamilton.release(kind);
            hamilton.succeed(kind);
            hamilton.noDelay(kind);
        }
    }

    @Test
    void aRenderThatFailsLeavesTheTicketInErrorUntilItIsRequestedAgain() {
        String concertId = api.createConcert(5).get("id").stringValue();
        String ticketId = buy(api, concertId, 1, i -> user(70)).getFirst();
        hamilton.fail(TICKET);

        requestPrint(api, ticketId);

        awaitStatus(api, ticketId, "ERROR");
        assertProblem(api.get("/api/v1/tickets/" + ticketId + "/print"), 404);
        assertThat(PrometheusScrape.of(api).value("ticketoverflow_prints_total", "outcome", "error"))
                .isPositive();

        hamilton.succeed(TICKET);
        hamilton.hold(TICKET);
        requestPrint(api, ticketId);

        assertThat(status(api, ticketId)).isEqualTo("PENDING");
        hamilton.release(TICKET);
        awaitStatus(api, ticketId, "PRINTED");
        assertThat(SvgDocument.parse(svg(api, ticketId)).rootDesc()).isEqualTo(ticketId);
        assertThat(hamilton.renders(TICKET, ticketId)).isOne();
    }

    @Test
    void requestingAPendingPrintAgainQueuesNoSecondJob() {
        String concertId = api.createConcert(5).get("id").stringValue();
        String ticketId = buy(api, concertId, 1, i -> user(71)).getFirst();
        hamilton.hold(TICKET);
        requestPrint(api, ticketId);
        assertThat(status(api, ticketId)).isEqualTo("PENDING");

        List<ApiResponse> again = Race.run(4, 12, i -> api.post("/api/v1/tickets/" + ticketId + "/print", ""));

        assertThat(again).extracting(ApiResponse::status).containsOnly(202);
        assertThat(status(api, ticketId)).isEqualTo("PENDING");
        assertThat(printJobs(ticketId)).isOne();
        hamilton.release(TICKET);
        awaitStatus(api, ticketId, "PRINTED");
        assertThat(hamilton.renders(TICKET, ticketId)).isOne();
    }

    @Test
    void answers503WithRetryAfterUntilTheFirstSeatingPlanIsDrawn() {
        hamilton.hold(SEATING);
        String concertId = api.createConcert(40).get("id").stringValue();

        ApiResponse early = api.get("/api/v1/concerts/" + concertId + "/seats");

        assertProblem(early, 503);
        assertThat(early.header("Retry-After")).matches("[1-9][0-9]*");
        hamilton.release(SEATING);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/concerts/" + concertId + "/seats").status() == 200);
        ApiResponse plan = api.get("/api/v1/concerts/" + concertId + "/seats");
        assertThat(plan.contentType()).isEqualTo("image/svg+xml");
        assertThat(SvgDocument.parse(plan.body()).rootDesc()).isEqualTo(concertId + "|40|0");
    }

    @Test
    void noTicketWithAnOldNameIsServedOnceTheRenameHasReturned() {
        hamilton.delay(TICKET, "0.1");
        RenameRace race = new RenameRace(
                api, List.of("Elsa on Ice", "Bob on Ice", "Elsa on Ice II", "Bob on Ice II", "Elsa on Ice III"));
        String concertId = createConcert(api, race.names().getFirst(), "Ice Arena", "2031-02-01", 24);
        List<String> tickets = buy(api, concertId, 24, i -> user(100 + i));

        race.run(concertId, tickets);

        assertThat(race.stale())
                .as("stale SVGs served after the rename returned")
                .isEmpty();
        assertThat(race.servedAfterARename()).as("prints served after a rename").isPositive();
        assertThat(race.pendingAtEachRename())
                .as("tickets pending when each PUT was sent")
                .allMatch(n -> n > 0);
        for (String ticketId : tickets) {
            assertThat(RenameRace.concertName(svg(api, ticketId)))
                    .isEqualTo(race.names().getLast());
        }
        assertThat(PrometheusScrape.of(api).value("ticketoverflow_prints_total", "outcome", "rerendered"))
                .as("renders thrown away because the concert changed under them")
                .isPositive();
    }

    private long printJobs(String ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE kind = 'print' AND subject = :ticket")
                .param("ticket", ticketId)
                .query(Long.class)
                .single();
    }
}
