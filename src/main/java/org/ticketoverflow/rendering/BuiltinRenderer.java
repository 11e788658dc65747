package org.ticketoverflow.rendering;

/**
 * Our own renderer: draws in milliseconds, after burning the configured {@link RenderCost}.
 */
final class BuiltinRenderer implements Renderer {

    private final RenderCost cost;

    BuiltinRenderer(RenderCost cost) {
        this.cost = cost;
    }

    @Override
    public String renderTicket(TicketDocument ticket) {
        String ticketId = ticket.ticketId() == null ? "" : ticket.ticketId();
        if (!Code128.canEncode(ticketId)) {
            // Like hamilton's empty SVG for an id it cannot barcode: the same input will always fail.
            throw new RenderingFailedException(
                    "ticket id '" + ticketId + "' cannot be put in a Code-128 barcode (printable ASCII only)", false);
        }
        cost.burnForTicket();
        return TicketSvg.draw(ticket);
    }

    @Override
    public String renderSeatingPlan(SeatingDocument plan) {
        cost.burnForSeatingPlan();
        return SeatingSvg.draw(plan);
    }
}
