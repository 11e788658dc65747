package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.ticketoverflow.jobs.WorkerSettings;

/** The settings as operators give them: environment variables, bound by Spring Boot at startup. */
class RenderingConfigurationIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RenderingSettings.class, WorkerSettings.class})
    @Import(RenderingConfiguration.class)
    static class Rendering {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Rendering.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @TempDir
    Path tools;

    @Test
    void bindsTheEnvironmentVariables() {
        Path hamilton = StandInHamilton.succeeding(tools);

        context.withInitializer(app -> app.getEnvironment()
                        .getPropertySources()
                        .addFirst(environment(Map.of(
                                "TICKETOVERFLOW_RENDERER", "hamilton",
                                "TICKETOVERFLOW_HAMILTON_PATH", hamilton.toString(),
                                "TICKETOVERFLOW_HAMILTON_TIMEOUT", "7",
                                "TICKETOVERFLOW_RENDER_COST", "hamilton",
                                "TICKETOVERFLOW_WORKER_CONCURRENCY", "3"))))
                .run(app -> {
                    assertThat(app).hasNotFailed().hasSingleBean(Renderer.class);
                    RenderingSettings settings = app.getBean(RenderingSettings.class);
                    assertThat(settings.renderer()).isEqualTo("hamilton");
                    assertThat(settings.hamiltonPath()).isEqualTo(hamilton);
                    assertThat(settings.hamiltonTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(settings.cost()).isEqualTo(RenderCost.HAMILTON);
                    assertThat(app.getBean(Renderer.class)
                                    .renderSeatingPlan(new SeatingDocument("c", "n", "2024-01-01", "v", 10, 1)))
                            .contains("\"purchased\":1");
                });
    }

    @Test
    void startsWithTheBuiltinRendererByDefault() {
        context.run(app -> {
            assertThat(app).hasNotFailed().hasSingleBean(Renderer.class);
            assertThat(app.getBean(RenderingSettings.class).renderer()).isEqualTo("builtin");
        });
    }

    @Test
    void anInvalidCostStopsStartupWithAClearMessage() {
        context.withPropertyValues("ticketoverflow.render-cost=lots").run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("TICKETOVERFLOW_RENDER_COST")
                    .hasMessageContaining("'lots'");
        });
    }

    private static SystemEnvironmentPropertySource environment(Map<String, Object> variables) {
        return new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
    }
}
