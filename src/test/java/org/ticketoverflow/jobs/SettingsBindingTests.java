package org.ticketoverflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.ticketoverflow.web.NodeRoles;

/** Settings as operators give them: environment-style values bound the way the application binds them. */
class SettingsBindingTests {

    @Test
    void runsBothRolesOnAsManySlotsAsCoresByDefault() {
        NodeRoles roles = bind(Map.of(), "ticketoverflow", NodeRoles.class);

        assertThat(roles.roles()).containsExactlyInAnyOrder("api", "worker");
        assertThat(roles.worker()).isTrue();
        assertThat(bind(Map.of(), "ticketoverflow", WorkerSettings.class).slots())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void readsRolesAndConcurrencyFromTheEnvironment() {
        assertThat(bind(Map.of("ticketoverflow.roles", "api"), "ticketoverflow", NodeRoles.class)
                        .worker())
                .isFalse();
        Map<String, String> environment =
                Map.of("ticketoverflow.roles", " Worker ", "ticketoverflow.worker-concurrency", "3");
        assertThat(bind(environment, "ticketoverflow", NodeRoles.class).worker())
                .isTrue();
        assertThat(bind(environment, "ticketoverflow", WorkerSettings.class).slots())
                .isEqualTo(3);
    }

    @Test
    void refusesAConcurrencyBelowOneRatherThanReadingItAsADefault() {
        assertThatThrownBy(() ->
                        bind(Map.of("ticketoverflow.worker-concurrency", "0"), "ticketoverflow", WorkerSettings.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hasSaneQueueDefaultsAndTakesDurationsInPlainUnits() {
        JobsSettings defaults = bind(Map.of(), "ticketoverflow.jobs", JobsSettings.class);
        JobsSettings tuned = bind(
                Map.of("ticketoverflow.jobs.lease", "2m", "ticketoverflow.jobs.poll", "500ms"),
                "ticketoverflow.jobs",
                JobsSettings.class);

        assertThat(defaults.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.heartbeat()).isLessThan(defaults.lease());
        assertThat(defaults.maxAttempts()).isEqualTo(10);
        assertThat(tuned.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(tuned.poll()).isEqualTo(Duration.ofMillis(500));
    }

    private static <T> T bind(Map<String, String> properties, String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }
}
