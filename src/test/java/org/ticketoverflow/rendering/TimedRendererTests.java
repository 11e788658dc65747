package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TimedRendererTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final Renderer renderer = new TimedRenderer(new BuiltinRenderer(RenderCost.NONE), "builtin", registry);

    @Test
    void timesTicketsAndSeatingPlansApart() {
        renderer.renderTicket(new TicketDocument("t-1", "A", "a@b.c", "c", "n", "2024-01-01", "v"));
        renderer.renderSeatingPlan(new SeatingDocument("c", "n", "2024-01-01", "v", 10, 1));
        renderer.renderSeatingPlan(new SeatingDocument("c", "n", "2024-01-01", "v", 10, 2));

        assertThat(timer("ticket").count()).isEqualTo(1);
        assertThat(timer("seating").count()).isEqualTo(2);
    }

    @Test
    void timesFailuresToo() {
        TicketDocument unreadable = new TicketDocument("\u00e9", "A", "a@b.c", "c", "n", "2024-01-01", "v");

        assertThatThrownBy(() -> renderer.renderTicket(unreadable)).isInstanceOf(RenderingFailedException.class);

        assertThat(timer("ticket").count()).isEqualTo(1);
    }

    private Timer timer(String kind) {
        return registry.get("ticketoverflow.render.duration")
                .tags("kind", kind, "renderer", "builtin")
                .timer();
    }
}
