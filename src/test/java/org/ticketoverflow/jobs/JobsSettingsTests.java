package org.ticketoverflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobsSettingsTests {

    @Test
    void doublesTheBackoffPerAttemptUpToItsCap() {
        JobsSettings settings = settings(Duration.ofSeconds(30), Duration.ofSeconds(10));

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(settings.backoff(9)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusesAHeartbeatThatIsNotShorterThanTheLease() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ofSeconds(10), Duration.ofSeconds(10)));
    }

    private static JobsSettings settings(Duration lease, Duration heartbeat) {
        return new JobsSettings(
                lease,
                heartbeat,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                10,
                Duration.ofDays(7),
                Duration.ofHours(1),
                Duration.ofSeconds(20),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }
}
