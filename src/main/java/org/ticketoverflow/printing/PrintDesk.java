package org.ticketoverflow.printing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ticketoverflow.concerts.Concert;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.jobs.JobQueue;
import org.ticketoverflow.jobs.NewJob;
import org.ticketoverflow.tickets.Ticket;
import org.ticketoverflow.tickets.Tickets;
import org.ticketoverflow.web.RequestRejected;

/** Takes print requests and hands out printed tickets. */
@Component
class PrintDesk {

    static final String PRINT_KIND = "print";

    private final Tickets tickets;
    private final Concerts concerts;
    private final PrintedTickets prints;
    private final JobQueue jobs;
    private final Clock clock;

    PrintDesk(Tickets tickets, Concerts concerts, PrintedTickets prints, JobQueue jobs, Clock clock) {
        this.clock = clock;
        this.tickets = tickets;
        this.concerts = concerts;
        this.prints = prints;
        this.jobs = jobs;
    }

    /**
     * NOT_PRINTED, ERROR or a stale PRINTED → PENDING with a print job, in one transaction; PENDING and a current
     * PRINTED stay as they are. The job's deadline is the {@link PrintPromise}: the nearer the concert, the sooner.
     */
    @Transactional
    void request(String ticketId) {
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> unknown(ticketId));
        Concert concert = concerts.find(ticket.concertId()).orElseThrow();
        if (tickets.requestPrint(ticketId, concert.version())) {
            Instant now = clock.instant();
            jobs.enqueue(new NewJob(
                    PRINT_KIND,
                    ticketId,
                    concert.id(),
                    concert.date().toEpochDay(),
                    now,
                    PrintPromise.deadline(now, concert.date()),
                    null));
        }
    }

    /**
     * The printed SVG if the ticket is printed at the concert's current version. The stored print is read BEFORE
     * the version, so a rename that returned before this call started always wins: no old SVG is served after it.
     */
    Optional<String> printed(String ticketId) {
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> unknown(ticketId));
        return prints.find(ticketId)
                .filter(print -> concerts.version(ticket.concertId()).orElse(-1L) == print.concertVersion())
                .map(PrintedTickets.StoredPrint::svg);
    }

    private static RequestRejected unknown(String ticketId) {
        return RequestRejected.notFound("No ticket with id " + ticketId);
    }
}
