package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;
import java.util.function.Supplier;

/** Staff polling seating plans (GET /concerts/{id}/seats every 10 s), as Gatling chains. */
final class Staff {

    static final Duration POLL = Duration.ofSeconds(10);

    private Staff() {}

    /** One view of the plan of the concert in session attribute {@code seatsConcertId}. */
    static ChainBuilder view(SeatingWatch watch) {
        return exec(http("seating plan")
                .get("/api/v1/concerts/#{seatsConcertId}/seats")
                .transformResponse((response, session) -> {
                    watch.observe(session.getString("seatsConcertId"), response);
                    return response;
                })
                .check(status().in(200, 503))
                .checkIf((response, session) -> response.status().code() == 503)
                .then(header("Retry-After").exists())
                .checkIf((response, session) -> response.status().code() != 200
                        && watch.planServedBefore(session.getString("seatsConcertId"), response.startTimestamp()))
                .then(status().is(200)));
    }

    /** {@code views} views 10 s apart of the concert {@code concert} names at the time of each view. */
    static ChainBuilder watching(SeatingWatch watch, int views, Supplier<String> concert) {
        return repeat(views)
                .on(exec(session -> session.set("seatsConcertId", concert.get())), view(watch), pause(POLL));
    }

    /**
     * After the sale: staff keep looking every 10 s until every plan shows all acknowledged purchases, for at
     * most {@code patience} (the freshness promise plus one poll).
     */
    static ChainBuilder untilFresh(SeatingWatch watch, SaleLedger ledger, Duration patience) {
        return exec(session -> session.set("concertIds", ledger.concertIds()))
                .asLongAsDuring(
                        session -> ledger.all().stream().anyMatch(sales -> !watch.fresh(sales.concertId())),
                        patience,
                        "fresh",
                        false)
                .on(
                        foreach("#{concertIds}", "seatsConcertId")
                                .on(doIf(session -> !watch.fresh(session.getString("seatsConcertId")))
                                        .then(view(watch))),
                        pause(POLL));
    }
}
