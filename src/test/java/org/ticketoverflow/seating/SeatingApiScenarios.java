package org.ticketoverflow.seating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.SvgDocument;
import tools.jackson.databind.JsonNode;

/**
 * GET seats on the shared application. Until the first plan is drawn the answer is 503 with Retry-After; then
 * the plan, exactly {@code image/svg+xml}. (Re-renders after purchases and renames need a short min-interval:
 * see the printing module's queue scenarios.)
 */
abstract class SeatingApiScenarios extends HttpScenario {

    @Test
    void servesTheFirstPlanWithCapacityAndNothingSold() {
        JsonNode concert = api.createConcert(120);
        String id = concert.get("id").stringValue();
        AtomicReference<ApiResponse> plan = new AtomicReference<>();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    ApiResponse seats = api.get("/api/v1/concerts/" + id + "/seats");
                    if (seats.status() == 503) {
                        assertProblem(seats, 503);
                        assertThat(seats.header("Retry-After")).matches("[1-9][0-9]*");
                    } else {
                        plan.set(seats);
                    }
                    return plan.get() != null;
                });

        assertThat(plan.get().status()).as("%s", plan.get()).isEqualTo(200);
        assertThat(plan.get().contentType()).isEqualTo("image/svg+xml");
        SvgDocument svg = SvgDocument.parse(plan.get().body());
        assertThat(svg.rootDesc()).isEqualTo(id + "|120|0");
        assertThat(svg.texts())
                .anySatisfy(
                        text -> assertThat(text).contains(concert.get("name").stringValue()));
    }

    @Test
    void saysWhenThePlanWasDrawnAndAnswers304UntilANewOneIs() {
        String id = api.createConcert(40).get("id").stringValue();
        AtomicReference<ApiResponse> plan = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    ApiResponse seats = api.get("/api/v1/concerts/" + id + "/seats");
                    plan.set(seats);
                    return seats.status() == 200;
                });

        String lastModified = plan.get().header("Last-Modified");
        String etag = plan.get().header("ETag");
        assertThat(lastModified).as("%s", plan.get().headers()).isNotBlank();
        assertThat(java.time.ZonedDateTime.parse(lastModified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .isBetween(
                        java.time.Instant.now().minusSeconds(120),
                        java.time.Instant.now().plusSeconds(5));
        assertThat(etag).matches("\"[0-9]+\"");

        ApiResponse unchanged = api.get("/api/v1/concerts/" + id + "/seats", "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        ApiResponse otherTag = api.get("/api/v1/concerts/" + id + "/seats", "If-None-Match", "\"1\"");
        assertThat(otherTag.status()).isEqualTo(200);
        assertThat(otherTag.contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void answers404ForTheSeatsOfAnUnknownConcert() {
        assertProblem(api.get("/api/v1/concerts/00000000-0000-0000-0000-000000000000/seats"), 404);
        assertProblem(api.get("/api/v1/concerts/no-such-concert/seats"), 404);
    }
}
