package org.ticketoverflow.rendering;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the single {@link Renderer} bean chosen by {@code ticketoverflow.renderer}, timed.
 */
@Configuration(proxyBeanMethods = false)
class RenderingConfiguration {

    /**
     * @param workerConcurrency {@code ticketoverflow.worker-concurrency}; 0 or less means the number of cores
     */
    @Bean
    Renderer renderer(
            RenderingSettings settings,
            MeterRegistry registry,
            @Value("${ticketoverflow.worker-concurrency:0}") int workerConcurrency) {
        Renderer renderer = switch (settings.renderer()) {
            case RenderingSettings.HAMILTON -> hamilton(settings, workerConcurrency);
            default -> new BuiltinRenderer(settings.cost());
        };
        return new TimedRenderer(renderer, settings.renderer(), registry);
    }

    /** A wrong path fails startup here rather than every print job later. */
    private static Renderer hamilton(RenderingSettings settings, int workerConcurrency) {
        Path executable = settings.hamiltonPath();
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new IllegalStateException("ticketoverflow.hamilton-path (TICKETOVERFLOW_HAMILTON_PATH) must "
                    + "name an executable file, but '" + executable + "' is not one");
        }
        int processes =
                workerConcurrency > 0 ? workerConcurrency : Runtime.getRuntime().availableProcessors();
        return new HamiltonRenderer(executable, settings.hamiltonTimeout(), processes);
    }
}
