package org.ticketoverflow.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The print promise: tighter the nearer the concert, between 10 s and 6 h, never looser for a nearer show. */
class PrintPromiseTests {

    private static final Instant REQUESTED = Instant.parse("2026-06-01T18:00:00Z");

    @Test
    void tonightsShowInSecondsNextYearsInHours() {
        assertThat(promised(LocalDate.parse("2026-06-01"))).isEqualTo(Duration.ofSeconds(10));
        assertThat(promised(LocalDate.parse("2026-06-02"))).as("6 h ahead").isEqualTo(Duration.ofSeconds(15));
        assertThat(promised(LocalDate.parse("2026-06-08"))).isBetween(Duration.ofMinutes(6), Duration.ofMinutes(7));
        assertThat(promised(LocalDate.parse("2026-07-01"))).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));
        assertThat(promised(LocalDate.parse("2027-06-01"))).isEqualTo(Duration.ofHours(6));
        assertThat(promised(LocalDate.parse("2020-01-01")))
                .as("a show in the past")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void isMonotoneInTheTimeToTheConcert() {
        List<Duration> promises = java.util.stream.IntStream.range(-3, 800)
                .mapToObj(days -> promised(LocalDate.parse("2026-06-01").plusDays(days)))
                .toList();
        for (int i = 1; i < promises.size(); i++) {
            assertThat(promises.get(i)).isGreaterThanOrEqualTo(promises.get(i - 1));
        }
    }

    private static Duration promised(LocalDate concertDate) {
        return Duration.between(REQUESTED, PrintPromise.deadline(REQUESTED, concertDate));
    }
}
