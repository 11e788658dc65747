package org.ticketoverflow.rendering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adapter for the operator-supplied {@code hamilton} tool (contract in docs/rendering.md).
 * <p>
 * One hamilton process keeps one core busy for seconds, so at most {@code maxProcesses} run at once (the
 * worker's concurrency); callers beyond that wait for a slot rather than overloading the machine.
 */
final class HamiltonRenderer implements Renderer {

    private final Path executable;
    private final Duration timeout;
    private final Semaphore slots;
    private final JsonMapper json = JsonMapper.builder().build();

    HamiltonRenderer(Path executable, Duration timeout, int maxProcesses) {
        if (maxProcesses < 1) {
            throw new IllegalArgumentException("at least one hamilton process must be allowed, got " + maxProcesses);
        }
        this.executable = executable;
        this.timeout = timeout;
        this.slots = new Semaphore(maxProcesses, true);
    }

    @Override
    public String renderTicket(TicketDocument ticket) {
        ObjectNode input = json.createObjectNode()
                .put("id", text(ticket.ticketId()))
                .put("name", text(ticket.holderName()))
                .put("email", text(ticket.holderEmail()));
        input.putObject("concert")
                .put("id", text(ticket.concertId()))
                .put("name", text(ticket.concertName()))
                .put("date", text(ticket.concertDate()))
                .put("venue", text(ticket.venue()));
        return generate("ticket", input);
    }

    @Override
    public String renderSeatingPlan(SeatingDocument plan) {
        ObjectNode input = json.createObjectNode()
                .put("id", text(plan.concertId()))
                .put("name", text(plan.name()))
                .put("date", text(plan.date()))
                .put("venue", text(plan.venue()));
        input.putObject("seats").put("max", plan.capacity()).put("purchased", plan.sold());
        return generate("seating", input);
    }

    private String generate(String kind, ObjectNode input) {
        byte[] inputJson = json.writeValueAsBytes(input);
        try {
            slots.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RenderingFailedException("interrupted while waiting to run hamilton", true, interrupted);
        }
        try {
            return new HamiltonRun(executable, kind, timeout, json).generate(inputJson);
        } finally {
            slots.release();
        }
    }

    /** The contract says all strings; a missing value is sent as empty rather than as JSON null. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
