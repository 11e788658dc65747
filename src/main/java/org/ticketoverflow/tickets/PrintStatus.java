package org.ticketoverflow.tickets;

/**
 * The print lifecycle of a ticket. The states live here and every transition is one guarded statement in
 * {@link Tickets} (the rule sits in its WHERE clause); the {@code printing} module decides when to take them.
 *
 * <pre>
 *                 POST print (a print job is queued in the same transaction)
 *   NOT_PRINTED ─────────────────────────────────────────────┐
 *   ERROR ───────────────────────────────────────────────────┤
 *   PRINTED of an older concert version (reads NOT_PRINTED) ─┤
 *                                                            ▼
 *                                                         PENDING ── POST print: stays PENDING
 *                                                          │   │
 *             job done, concert still at the rendered      │   │  the job ends for good without a print
 *             version: PRINTED at that version ◄───────────┘   └──► ERROR (handler failure, attempts used
 *                                                                   up, lease expired on the last attempt;
 *                                                                   in the transaction that fails the job)
 * </pre>
 *
 * A PRINTED ticket whose concert changed afterwards reads NOT_PRINTED ({@link Ticket#printStatusAt}). Every way a
 * print job can end leaves PENDING, so a later print request always works again.
 */
public enum PrintStatus {
    NOT_PRINTED,
    PENDING,
    PRINTED,
    ERROR
}
