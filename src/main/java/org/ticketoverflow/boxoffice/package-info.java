/**
 * The web box office: the browser UI served at {@code /} by nodes with the {@code api} role (buyers' concert
 * list, concert page and tickets, the staff page, the operations page). Static HTML, CSS and ES modules from
 * {@code classpath:/boxoffice/}; the pages talk only to the public API ({@code /api/v1/**}) and, for the
 * operations page, to Actuator. Also keeps the node registry the operations page shows ("which nodes are up").
 */
package org.ticketoverflow.boxoffice;
