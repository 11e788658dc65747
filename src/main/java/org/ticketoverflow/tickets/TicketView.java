package org.ticketoverflow.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The API's Ticket: exactly id, concert, user, print_status. */
record TicketView(
        String id,
        Link concert,
        Link user,
        @JsonProperty("print_status") PrintStatus printStatus,
        @JsonIgnore String url) {

    record Link(String id, String url) {}
}
