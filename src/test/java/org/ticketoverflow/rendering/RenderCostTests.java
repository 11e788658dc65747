package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenderCostTests {

    @Test
    void parsesTheAcceptedSettings() {
        assertThat(RenderCost.parse(null)).isEqualTo(RenderCost.NONE);
        assertThat(RenderCost.parse("none")).isEqualTo(new RenderCost(0, 0));
        assertThat(RenderCost.parse(" Hamilton ")).isEqualTo(new RenderCost(16, 18));
        assertThat(RenderCost.parse("4")).isEqualTo(new RenderCost(4, 4));
        assertThat(RenderCost.parse("31")).isEqualTo(new RenderCost(31, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "32", "-1", "16.5", "banana", "hamilton2"})
    void rejectsAnythingElseNamingTheSetting(String setting) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RenderCost.parse(setting))
                .withMessageContaining("TICKETOVERFLOW_RENDER_COST")
                .withMessageContaining("'" + setting + "'");
    }

    @Test
    void aTicketBurnsTheTicketCost() {
        Renderer renderer = new BuiltinRenderer(new RenderCost(12, 4));
        TicketDocument ticket = new TicketDocument("t-1", "A", "a@b.c", "c", "n", "2024-01-01", "v");

        assertThat(timeOf(() -> renderer.renderTicket(ticket))).isGreaterThan(Duration.ofMillis(50));
    }

    @Test
    void aSeatingPlanBurnsTheSeatingCost() {
        Renderer renderer = new BuiltinRenderer(new RenderCost(4, 12));
        SeatingDocument plan = new SeatingDocument("c", "n", "2024-01-01", "v", 10, 1);

        assertThat(timeOf(() -> renderer.renderSeatingPlan(plan))).isGreaterThan(Duration.ofMillis(50));
    }

    private static Duration timeOf(Runnable render) {
        long start = System.nanoTime();
        render.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
