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
        return new TicketView(ticket.id(),
                new TicketView.Link(ticket.concertId(), baseUrl.of("/api/v1/concerts/" + ticket.concertId())),
                new TicketView.Link(ticket.userId(), baseUrl.of("/api/v1/users/" + ticket.userId())),
                status, baseUrl.of("/api/v1/tickets/" + ticket.id()));
    }
}
