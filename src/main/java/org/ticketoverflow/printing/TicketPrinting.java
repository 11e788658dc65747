package org.ticketoverflow.printing;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketoverflow.concerts.Concert;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.jobs.Job;
import org.ticketoverflow.jobs.JobHandler;
import org.ticketoverflow.jobs.JobResult;
import org.ticketoverflow.rendering.Renderer;
import org.ticketoverflow.rendering.RenderingFailedException;
import org.ticketoverflow.rendering.TicketDocument;
import org.ticketoverflow.tickets.PrintStatus;
import org.ticketoverflow.tickets.Ticket;
import org.ticketoverflow.tickets.Tickets;
import org.ticketoverflow.users.User;
import org.ticketoverflow.users.UserDirectory;
import org.ticketoverflow.users.UsersServiceUnavailable;

/**
 * Handles print jobs: prints one ticket. Renders a snapshot taken at concert version v (slow: seconds, outside any transaction), then
 * publishes in a transaction that locks the concert row: only if the concert is still at v does the SVG become
 * the ticket's print. If the concert changed meanwhile, the details on the SVG are old: render again.
 */
@Component
class TicketPrinting implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(TicketPrinting.class);
    private static final int MAX_RENDERS = 5;

    private final Tickets tickets;
    private final Concerts concerts;
    private final UserDirectory users;
    private final Renderer renderer;
    private final PrintedTickets prints;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    TicketPrinting(
            Tickets tickets,
            Concerts concerts,
            UserDirectory users,
            Renderer renderer,
            PrintedTickets prints,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        this.tickets = tickets;
        this.concerts = concerts;
        this.users = users;
        this.renderer = renderer;
        this.prints = prints;
        this.transactions = transactions;
        this.meters = meters;
    }

    @Override
    public String kind() {
        return PrintDesk.PRINT_KIND;
    }

    /**
     * Anything unexpected (the database hiccups, the renderer throws something else) throws, and the queue retries
     * it under its one policy; however the job ends for good, {@link #givenUp} moves the ticket to ERROR.
     */
    @Override
    public JobResult handle(Job job) {
        for (int render = 0; render < MAX_RENDERS; render++) {
            Optional<Ticket> ticket = tickets.find(job.subject());
            if (ticket.isEmpty() || ticket.get().storedStatus() != PrintStatus.PENDING) {
                return JobResult.done();
            }
            Concert concert = concerts.find(ticket.get().concertId()).orElseThrow();
            Optional<User> holder;
            try {
                holder = users.find(ticket.get().userId());
            } catch (UsersServiceUnavailable e) {
                return JobResult.retry(e.getMessage());
            }
            if (holder.isEmpty()) {
                return JobResult.failed("ticket holder " + ticket.get().userId() + " is unknown to the users service");
            }
            String svg;
            try {
                svg = renderer.renderTicket(document(ticket.get(), holder.get(), concert));
            } catch (RenderingFailedException e) {
                return e.retryable() ? JobResult.retry(e.getMessage()) : JobResult.failed(e.getMessage());
            }
            if (publish(ticket.get(), concert, svg)) {
                meters.counter("ticketoverflow.prints", "outcome", "printed").increment();
                return JobResult.done();
            }
            meters.counter("ticketoverflow.prints", "outcome", "rerendered").increment();
        }
        return JobResult.retry("the concert kept changing while the ticket was rendered");
    }

    /** @return false if the concert is no longer at the rendered version (the SVG is thrown away) */
    private boolean publish(Ticket ticket, Concert rendered, String svg) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            long current = concerts.lock(rendered.id()).orElseThrow().version();
            if (current != rendered.version()) {
                return false;
            }
            if (tickets.markPrinted(ticket.id(), current)) {
                prints.store(ticket.id(), rendered.id(), current, svg);
            }
            return true;
        }));
    }

    /** PENDING → ERROR, in the transaction that ends the job: a later print request starts afresh. */
    @Override
    public void givenUp(Job job, String reason) {
        log.warn("print of ticket {} failed: {}", job.subject(), reason);
        if (tickets.markPrintFailed(job.subject())) {
            meters.counter("ticketoverflow.prints", "outcome", "error").increment();
        }
    }

    private static TicketDocument document(Ticket ticket, User holder, Concert concert) {
        return new TicketDocument(
                ticket.id(),
                holder.name(),
                holder.email(),
                concert.id(),
                concert.name(),
                concert.date().toString(),
                concert.venue());
    }
}
