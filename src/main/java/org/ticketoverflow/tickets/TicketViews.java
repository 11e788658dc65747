package org.ticketoverflow.tickets;

import org.springframework.stereotype.Component;
import org.ticketoverflow.web.BaseUrl;

/** Builds the API's view of a ticket with absolute links for the current request. */
@Component
class TicketViews {

    private final BaseUrl baseUrl;

    TicketViews(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    TicketView of(Ticket ticket, PrintStatus status) {
        return of(baseUrl.current(), ticket, status);
    }

    /** The view with links under {@code base} (worked out once for a whole list). */
    static TicketView of(String base, Ticket ticket, PrintStatus status) {
        return new TicketView(
                ticket.id(),
                new TicketView.Link(ticket.concertId(), base + "/api/v1/concerts/" + ticket.concertId()),
                new TicketView.Link(ticket.userId(), base + "/api/v1/users/" + ticket.userId()),
                status,
                base + "/api/v1/tickets/" + ticket.id());
    }
}
