package org.ticketoverflow.concerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.support.Problems.assertInvalidField;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.HttpScenario;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/concerts/availability (our extension for the box office's live seat counts), through HTTP. */
abstract class AvailabilityApiScenarios extends HttpScenario {

    private static final String AVAILABILITY = "/api/v1/concerts/availability?ids=";

    @Test
    void countsSeatsLeftAsTheyAreSoldUntilSoldOut() {
        String a = api.createConcert(2).get("id").stringValue();
        String b = api.createConcert(7, "CANCELLED").get("id").stringValue();
        assertThat(seats(a)).isEqualTo(2);

        assertThat(api.purchase(a, ApiClient.user(21)).status()).isEqualTo(201);
        assertThat(seats(a)).isEqualTo(1);
        assertThat(api.purchase(a, ApiClient.user(22)).status()).isEqualTo(201);

        ApiResponse both = api.get(AVAILABILITY + a + "," + b + ",00000000-0000-0000-0000-000000000000");
        assertThat(both.status()).as("%s", both).isEqualTo(200);
        assertThat(both.json().size()).as("unknown ids are left out").isEqualTo(2);
        for (JsonNode seats : both.json().values()) {
            assertThat(seats.propertyNames()).containsExactlyInAnyOrder("id", "capacity", "seats_left", "status");
            if (seats.get("id").stringValue().equals(a)) {
                assertThat(seats.get("seats_left").intValue()).isZero();
                assertThat(seats.get("status").stringValue()).isEqualTo("SOLD_OUT");
            } else {
                assertThat(seats.get("seats_left").intValue()).isEqualTo(7);
                assertThat(seats.get("status").stringValue()).isEqualTo("CANCELLED");
            }
        }
    }

    @Test
    void refusesNoIdsOrTooManyWith400NamingIds() {
        assertInvalidField(api.get("/api/v1/concerts/availability"), "ids");
        assertInvalidField(api.get(AVAILABILITY), "ids");
        assertInvalidField(api.get(AVAILABILITY + ",,"), "ids");
        String many = IntStream.rangeClosed(1, 101).mapToObj(n -> "id-" + n).collect(Collectors.joining(","));
        assertInvalidField(api.get(AVAILABILITY + many), "ids");
    }

    private int seats(String id) {
        ApiResponse answer = api.get(AVAILABILITY + id);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().get(0).get("seats_left").intValue();
    }
}
