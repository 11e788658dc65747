package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The end-of-run checks as Gatling requests in the group {@value #GROUP}: each is KO when what the scenario
 * promises does not hold, so the assertion "no failed request in {@value #GROUP}" fails the run.
 */
final class Verification {

    static final String GROUP = "verify";

    private Verification() {}

    /**
     * No oversell and no lost sale, for every concert of the ledger: the 201s never exceed the capacity, the
     * server lists exactly the tickets it acknowledged, and a sale that answered 422 (or had more attempts than
     * seats) is SOLD_OUT with every seat sold.
     */
    static ChainBuilder sales(Verdicts verdicts, SaleLedger ledger) {
        return group(GROUP)
                .on(exec(session -> session.set("verifyConcertIds", ledger.concertIds()))
                        .foreach("#{verifyConcertIds}", "verifyConcertId")
                        .on(
                                exec(session -> session.remove("verifyConcert")),
                                exec(http("concert")
                                        .get("/api/v1/concerts/#{verifyConcertId}")
                                        .check(status().is(200), bodyString().saveAs("verifyConcert"))),
                                exec(http("no oversell")
                                        .get("/api/v1/tickets?concert_id=#{verifyConcertId}")
                                        .check(
                                                status().is(200),
                                                bodyString()
                                                        .transformWithSession((body, session) -> {
                                                            ConcertSales sales =
                                                                    ledger.of(session.getString("verifyConcertId"));
                                                            String check =
                                                                    "no oversell, no lost sale: " + sales.label();
                                                            try {
                                                                return verdicts.record(
                                                                        check,
                                                                        judgeSale(
                                                                                sales,
                                                                                session.getString("verifyConcert"),
                                                                                body));
                                                            } catch (RuntimeException e) {
                                                                return verdicts.record(check, e);
                                                            }
                                                        })
                                                        .is("ok")))));
    }

    /** A check of figures the load generator gathered itself (staleness, print times, stale tickets…). */
    static ChainBuilder figures(Verdicts verdicts, String check, Supplier<Verdicts.Finding> finding) {
        return group(GROUP)
                .on(exec(http(check)
                        .get("/api/v1/concerts/health")
                        .check(
                                status().exists(),
                                bodyString()
                                        .transform(body -> {
                                            try {
                                                return verdicts.record(check, finding.get());
                                            } catch (RuntimeException e) {
                                                return verdicts.record(check, e);
                                            }
                                        })
                                        .is("ok"))));
    }

    static Verdicts.Finding judgeSale(ConcertSales sales, String concertBody, String ticketsBody) {
        JsonNode tickets = TicketOverflowClient.parse(ticketsBody);
        String status = concertBody == null
                ? "?"
                : TicketOverflowClient.parse(concertBody).path("status").asText("?");
        int capacity = sales.capacity();
        long listed = tickets.size();
        long acknowledged = sales.sold();
        long unknown = sales.unanswered() + sales.other();
        List<String> problems = new ArrayList<>();
        for (JsonNode ticket : tickets) {
            if (!sales.concertId().equals(ticket.path("concert").path("id").asText())) {
                problems.add("GET /tickets?concert_id= listed ticket "
                        + ticket.path("id").asText() + " of another concert");
                break;
            }
        }
        if (acknowledged > capacity || listed > capacity) {
            problems.add("OVERSOLD: %d acknowledged, %d listed, capacity %d".formatted(acknowledged, listed, capacity));
        }
        if (listed < acknowledged) {
            problems.add("%d acknowledged purchases but only %d tickets listed".formatted(acknowledged, listed));
        }
        if (listed > acknowledged + unknown) {
            problems.add("%d tickets listed but only %d acknowledged (+%d unanswered)"
                    .formatted(listed, acknowledged, unknown));
        }
        boolean soldOut = sales.soldOut() > 0 || sales.sold() + sales.soldOut() > capacity;
        if (soldOut && listed != capacity) {
            problems.add("sale answered 422 (or had more attempts than seats) yet %d of %d seats are sold"
                    .formatted(listed, capacity));
        }
        if (listed == capacity && !"SOLD_OUT".equals(status)) {
            problems.add("every seat is sold but the concert is " + status);
        }
        if (listed < capacity && "SOLD_OUT".equals(status)) {
            problems.add("SOLD_OUT with %d of %d seats sold".formatted(listed, capacity));
        }
        String figures = "capacity %d, %s, %d tickets listed; %s".formatted(capacity, status, listed, sales.figures());
        return Verdicts.Finding.of(figures, problems);
    }
}
