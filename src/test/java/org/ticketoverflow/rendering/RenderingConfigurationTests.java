package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketoverflow.jobs.WorkerSettings;

/** Builds the renderer the way Spring does, without Spring, for each kind of configuration. */
class RenderingConfigurationTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final TicketDocument ticket = new TicketDocument("t-1", "A", "a@b.c", "c", "n", "2024-01-01", "v");

    @TempDir
    Path tools;

    @Test
    void defaultsToTheBuiltinRendererWithoutCost() {
        RenderingSettings settings = new RenderingSettings(null, null, null, null);

        Renderer renderer = new RenderingConfiguration().renderer(settings, registry, new WorkerSettings(null));

        assertThat(settings.renderer()).isEqualTo("builtin");
        assertThat(settings.cost()).isEqualTo(RenderCost.NONE);
        assertThat(settings.hamiltonTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(renderer.renderTicket(ticket)).contains("<desc>t-1</desc>");
        assertThat(registry.get("ticketoverflow.render.duration")
                        .tag("renderer", "builtin")
                        .timers())
                .hasSize(2);
    }

    @Test
    void buildsTheHamiltonAdapterWhenAskedTo() {
        RenderingSettings settings =
                new RenderingSettings("hamilton", null, StandInHamilton.succeeding(tools), Duration.ofSeconds(30));

        Renderer renderer = new RenderingConfiguration().renderer(settings, registry, new WorkerSettings(2));

        assertThat(renderer.renderTicket(ticket)).contains("\"id\":\"t-1\"");
        assertThat(registry.get("ticketoverflow.render.duration")
                        .tags("renderer", "hamilton", "kind", "ticket")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void refusesAHamiltonPathThatIsNotExecutable() throws IOException {
        Path notExecutable = Files.writeString(tools.resolve("hamilton.txt"), "#!/bin/sh\n");
        RenderingSettings settings = new RenderingSettings("hamilton", null, notExecutable, null);

        assertThatIllegalStateException()
                .isThrownBy(() -> new RenderingConfiguration().renderer(settings, registry, new WorkerSettings(null)))
                .withMessageContaining("TICKETOVERFLOW_HAMILTON_PATH");
    }

    @Test
    void parsesTheCostEmulation() {
        assertThat(new RenderingSettings("builtin", "hamilton", null, null).cost())
                .isEqualTo(RenderCost.HAMILTON);
        assertThat(new RenderingSettings("builtin", "10", null, null).cost()).isEqualTo(new RenderCost(10, 10));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RenderingSettings("builtin", "40", null, null))
                .withMessageContaining("TICKETOVERFLOW_RENDER_COST");
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RenderingSettings("magic", null, null, null))
                .withMessageContaining("TICKETOVERFLOW_RENDERER");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RenderingSettings("hamilton", null, null, null))
                .withMessageContaining("TICKETOVERFLOW_HAMILTON_PATH");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RenderingSettings(null, null, null, Duration.ZERO))
                .withMessageContaining("TICKETOVERFLOW_HAMILTON_TIMEOUT");
    }
}
