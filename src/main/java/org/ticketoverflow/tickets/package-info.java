/**
 * Tickets: purchasing (the hot path: concurrent purchases of a concert are group-committed by the
 * {@link org.ticketoverflow.tickets.BoxOffice}), ticket queries, and the print status each ticket carries.
 */
package org.ticketoverflow.tickets;
