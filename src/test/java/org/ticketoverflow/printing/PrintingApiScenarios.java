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
import static org.ticketoverflow.printing.Prints.statuses;
import static org.ticketoverflow.printing.Prints.svg;
import static org.ticketoverflow.support.ApiClient.user;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.PrometheusScrape;
import org.ticketoverflow.support.SvgDocument;
import tools.jackson.databind.JsonNode;

/**
 * The print endpoints of API.md through HTTP, on the shared application (built-in renderer, no cost): the
 * state machine, what a printed SVG shows, and how a PUT on the concert takes prints back.
 */
abstract class PrintingApiScenarios extends HttpScenario {

    /** users.json: "Eden O\"Hara V", a name with a double quote in it. */
    private static final String QUOTED_USER = user(56);

    @Autowired
    private JdbcClient jdbc;

    @Test
    void printsATicketWhoseSvgShowsEveryDetailEscaped() {
        String name = "Rock & <Roll> \"Live\"";
        String venue = "O'Brien's Hall & Bar";
        String concertId = createConcert(api, name, venue, "2031-03-14", 5);
        JsonNode holder = api.get("/api/v1/users/" + QUOTED_USER).json();
        assertThat(holder.get("name").stringValue()).contains("\"");
        String ticketId = buy(api, concertId, 1, i -> QUOTED_USER).getFirst();
        assertProblem(api.get("/api/v1/tickets/" + ticketId + "/print"), 404);

        requestPrint(api, ticketId);

        assertThat(status(api, ticketId)).isIn("PENDING", "PRINTED");
        assertThat(statuses(api, concertId).get(ticketId)).isIn("PENDING", "PRINTED");
        awaitStatus(api, ticketId, "PRINTED");
        SvgDocument svg = SvgDocument.parse(svg(api, ticketId));
        assertThat(svg.rootDesc()).isEqualTo(ticketId);
        for (String shown : List.of(
                name,
                venue,
                "2031-03-14",
                concertId,
                holder.get("name").stringValue(),
                holder.get("email").stringValue(),
                ticketId)) {
            assertThat(svg.texts())
                    .as("texts of the SVG")
                    .anySatisfy(text -> assertThat(text).contains(shown));
        }
    }

    @Test
    void printingAPrintedTicketAgainNeitherQueuesNorRendersIt() {
        String concertId = api.createConcert(5).get("id").stringValue();
        String ticketId = buy(api, concertId, 1, i -> user(57)).getFirst();
        requestPrint(api, ticketId);
        awaitStatus(api, ticketId, "PRINTED");
        String printed = svg(api, ticketId);
        Instant printedAt = printedAt(ticketId);

        requestPrint(api, ticketId);

        assertThat(status(api, ticketId)).isEqualTo("PRINTED");
        assertThat(printJobs(ticketId)).isZero();
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(5))
                .until(() -> printedAt(ticketId).equals(printedAt) && "PRINTED".equals(status(api, ticketId)));
        assertThat(svg(api, ticketId)).isEqualTo(printed);
    }

    @Test
    void answers404ForPrintsOfUnknownTicketsAndOfTicketsNotPrinted() {
        for (String unknown : List.of("00000000-0000-0000-0000-000000000000", "no-such-ticket")) {
            assertProblem(api.post("/api/v1/tickets/" + unknown + "/print", ""), 404);
            assertProblem(api.get("/api/v1/tickets/" + unknown + "/print"), 404);
        }
        String concertId = api.createConcert(5).get("id").stringValue();
        String ticketId = buy(api, concertId, 1, i -> user(58)).getFirst();
        assertProblem(api.get("/api/v1/tickets/" + ticketId + "/print"), 404);
        assertThat(status(api, ticketId)).isEqualTo("NOT_PRINTED");
    }

    @Test
    void aChangeToTheConcertUnprintsItsTicketsTheMomentThePutReturns() {
        String concertId = createConcert(api, "Elsa on Ice", "Ice Hall", "2031-12-01", 10);
        List<String> tickets = buy(api, concertId, 3, i -> user(59 + i));
        tickets.forEach(id -> requestPrint(api, id));
        awaitAllPrinted(api, concertId);
        assertThat(prints(concertId)).isEqualTo(3);

        rename(api, concertId, "Bob on Ice");

        assertUnprinted(concertId, tickets);
        await().atMost(Duration.ofSeconds(30)).until(() -> outdatedPrints(concertId) == 0);
        tickets.forEach(id -> requestPrint(api, id));
        awaitAllPrinted(api, concertId);
        for (String ticketId : tickets) {
            String svg = svg(api, ticketId);
            assertThat(SvgDocument.parse(svg).texts())
                    .anySatisfy(text -> assertThat(text).contains("Bob on Ice"));
            assertThat(svg).doesNotContain("Elsa on Ice");
        }

        assertThat(api.put("/api/v1/concerts/" + concertId, "{\"date\": \"2031-12-02\"}")
                        .status())
                .isEqualTo(200);

        assertUnprinted(concertId, tickets);
    }

    @Test
    void aPutThatChangesNothingKeepsThePrints() {
        String concertId = createConcert(api, "Same Show", "Same Hall", "2031-11-01", 10);
        List<String> tickets = buy(api, concertId, 2, i -> user(63 + i));
        tickets.forEach(id -> requestPrint(api, id));
        awaitAllPrinted(api, concertId);
        Map<String, String> svgs = new HashMap<>();
        tickets.forEach(id -> svgs.put(id, svg(api, id)));

        assertThat(api.put("/api/v1/concerts/" + concertId, """
                {"name": "Same Show", "venue": "Same Hall", "date": "2031-11-01", "status": "ACTIVE"}""").status()).isEqualTo(200);

        assertThat(statuses(api, concertId).values()).containsOnly("PRINTED");
        for (String ticketId : tickets) {
            assertThat(status(api, ticketId)).isEqualTo("PRINTED");
            assertThat(svg(api, ticketId)).isEqualTo(svgs.get(ticketId));
        }
        assertThat(prints(concertId)).isEqualTo(2);
    }

    @Test
    void exposesQueueRenderAndPrintMetrics() {
        double printedBefore = PrometheusScrape.of(api).value("ticketoverflow_prints_total", "outcome", "printed");
        String concertId = api.createConcert(5).get("id").stringValue();
        String ticketId = buy(api, concertId, 1, i -> user(65)).getFirst();
        requestPrint(api, ticketId);
        awaitStatus(api, ticketId, "PRINTED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape metrics = PrometheusScrape.of(api);
            assertThat(metrics.value("ticketoverflow_prints_total", "outcome", "printed"))
                    .isGreaterThanOrEqualTo(printedBefore + 1);
            assertThat(metrics.has("ticketoverflow_jobs_queued", "kind", "print"))
                    .isTrue();
            assertThat(metrics.has("ticketoverflow_jobs_queued", "kind", "seating"))
                    .isTrue();
            assertThat(metrics.value("ticketoverflow_jobs_wait_seconds_count", "kind", "print"))
                    .isPositive();
            assertThat(metrics.value("ticketoverflow_jobs_completed_total", "kind", "print", "outcome", "done"))
                    .isPositive();
            assertThat(metrics.value(
                            "ticketoverflow_render_duration_seconds_count", "kind", "ticket", "renderer", "builtin"))
                    .isPositive();
            assertThat(metrics.has("ticketoverflow_render_duration_seconds_bucket", "kind", "ticket"))
                    .isTrue();
            assertThat(metrics.has("ticketoverflow_seating_staleness_seconds")).isTrue();
        });
    }

    private void assertUnprinted(String concertId, List<String> tickets) {
        assertThat(statuses(api, concertId).values()).containsOnly("NOT_PRINTED");
        for (String ticketId : tickets) {
            assertThat(status(api, ticketId)).isEqualTo("NOT_PRINTED");
            assertProblem(api.get("/api/v1/tickets/" + ticketId + "/print"), 404);
        }
    }

    private Instant printedAt(String ticketId) {
        return jdbc.sql("SELECT printed_at FROM ticket_prints WHERE ticket_id = :ticket")
                .param("ticket", ticketId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }

    private long printJobs(String ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE kind = 'print' AND subject = :ticket")
                .param("ticket", ticketId)
                .query(Long.class)
                .single();
    }

    private long prints(String concertId) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_prints WHERE concert_id = :concert")
                .param("concert", concertId)
                .query(Long.class)
                .single();
    }

    private long outdatedPrints(String concertId) {
        return jdbc.sql("""
                SELECT COUNT(*)
                FROM ticket_prints p
                JOIN concerts c ON c.id = p.concert_id
                WHERE p.concert_id = :concert
                  AND p.concert_version < c.version
                """).param("concert", concertId).query(Long.class).single();
    }
}
