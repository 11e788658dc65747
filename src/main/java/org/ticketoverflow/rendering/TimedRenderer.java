package org.ticketoverflow.rendering;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Records {@code ticketoverflow.render.duration{kind, renderer}} around another renderer. Failed renders are
 * timed too: a timeout that burns two minutes of a worker is exactly what the metric must show.
 */
final class TimedRenderer implements Renderer {

    static final String METRIC = "ticketoverflow.render.duration";

    private final Renderer renderer;
    private final Timer tickets;
    private final Timer seatingPlans;

    TimedRenderer(Renderer renderer, String rendererName, MeterRegistry registry) {
        this.renderer = renderer;
        this.tickets = timer("ticket", rendererName, registry);
        this.seatingPlans = timer("seating", rendererName, registry);
    }

    @Override
    public String renderTicket(TicketDocument ticket) {
        return timed(tickets, () -> renderer.renderTicket(ticket));
    }

    @Override
    public String renderSeatingPlan(SeatingDocument plan) {
        return timed(seatingPlans, () -> renderer.renderSeatingPlan(plan));
    }

    private static String timed(Timer timer, Supplier<String> render) {
        Timer.Sample sample = Timer.start();
        try {
            return render.get();
        } finally {
            sample.stop(timer);
        }
    }

    private static Timer timer(String kind, String rendererName, MeterRegistry registry) {
        return Timer.builder(METRIC)
                .description("Time to render one SVG document")
                .tag("kind", kind)
                .tag("renderer", rendererName)
                .publishPercentileHistogram()
                .register(registry);
    }
}
