/**
 * Printing tickets in the background: the print endpoints, the print job (render a snapshot of ticket, holder
 * and concert at concert version v; publish only if the concert is still at v, else render again) and the
 * storage of printed SVGs, which are served only while their version is the concert's current one.
 */
package org.ticketoverflow.printing;
