package org.ticketoverflow.rendering;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketoverflow.jobs.WorkerSettings;

/**
 * Exposes the single {@link Renderer} bean chosen by {@code ticketoverflow.renderer}, timed.
 */
@Configuration(proxyBeanMethods = false)
class RenderingConfiguration {

    /** @param workers the node's worker slots: hamilton runs at most one process per slot */
    @Bean
    Renderer renderer(RenderingSettings settings, MeterRegistry registry, WorkerSettings workers) {
        Renderer renderer = switch (settings.renderer()) {
            case RenderingSettings.HAMILTON -> hamilton(settings, workers.slots());
            default -> new BuiltinRenderer(settings.cost());
        };
        return new TimedRenderer(renderer, settings.renderer(), registry);
    }

    /** A wrong path fails startup here rather than every print job later. */
    private static Renderer hamilton(RenderingSettings settings, int processes) {
        Path executable = settings.hamiltonPath();
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new IllegalStateException("ticketoverflow.hamilton-path (TICKETOVERFLOW_HAMILTON_PATH) must "
                    + "name an executable file, but '" + executable + "' is not one");
        }
        return new HamiltonRenderer(executable, settings.hamiltonTimeout(), processes);
    }
}
