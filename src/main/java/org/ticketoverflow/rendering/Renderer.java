package org.ticketoverflow.rendering;

/**
 * The renderer port: makes the SVG of a printed ticket or of a seating plan.
 * <p>
 * Calls may take tens of seconds and burn a whole CPU core (see docs/rendering.md), so call this from a
 * background worker, never from a request thread. Implementations are thread-safe.
 */
public interface Renderer {

    /**
     * @return the SVG document; its root {@code <svg>} has a {@code <desc>} child holding exactly the ticket id
     * @throws RenderingFailedException when no SVG could be made
     */
    String renderTicket(TicketDocument ticket);

    /**
     * @return the SVG document; its root {@code <svg>} has a {@code <desc>} child holding exactly
     *     {@code <concert id>|<capacity>|<sold>}
     * @throws RenderingFailedException when no SVG could be made
     */
    String renderSeatingPlan(SeatingDocument plan);
}
