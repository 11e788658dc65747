package org.ticketoverflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.HttpScenario;
import tools.jackson.databind.JsonNode;

/** Health, probes, metrics and API documentation of a healthy node. */
abstract class HealthApiScenarios extends HttpScenario {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/concerts/health",
                "/api/v1/tickets/health",
                "/api/v1/users/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/health"
            })
    void answers200WhenHealthy(String path) {
        ApiResponse health = api.get(path);

        assertThat(health.status()).as("%s", health).isEqualTo(200);
        assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void countsPurchasesByOutcomeAndTimesThemForPrometheus() {
        double soldBefore = purchases("sold");
        double soldOutBefore = purchases("sold_out");
        double cancelledBefore = purchases("cancelled");
        String concertId = api.createConcert(2).get("id").stringValue();
        String cancelledId = api.createConcert(2, "CANCELLED").get("id").stringValue();

        api.purchase(concertId, ApiClient.user(301));
        api.purchase(concertId, ApiClient.user(301));
        api.purchase(concertId, ApiClient.user(301));
        api.purchase(cancelledId, ApiClient.user(301));

        String scrape = api.get("/actuator/prometheus").body();
        assertThat(purchases(scrape, "sold")).isEqualTo(soldBefore + 2);
        assertThat(purchases(scrape, "sold_out")).isEqualTo(soldOutBefore + 1);
        assertThat(purchases(scrape, "cancelled")).isEqualTo(cancelledBefore + 1);
        assertThat(scrape)
                .contains("ticketoverflow_purchase_duration_seconds_bucket{")
                .contains("ticketoverflow_purchase_duration_seconds_count")
                .contains("ticketoverflow_purchase_duration_seconds_sum")
                .contains("ticketoverflow_purchase_batch_size_count")
                .contains("http_server_requests_seconds");
    }

    @Test
    void publishesTheOpenApiDocument() {
        ApiResponse docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode document = docs.json();
        assertThat(document.get("openapi").stringValue()).startsWith("3.");
        assertThat(document.get("paths").propertyNames())
                .contains(
                        "/api/v1/concerts",
                        "/api/v1/concerts/{id}",
                        "/api/v1/tickets",
                        "/api/v1/tickets/{id}",
                        "/api/v1/users",
                        "/api/v1/users/{id}");
    }

    @Test
    void servesSwaggerUi() {
        ApiResponse ui = api.get("/swagger-ui.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    private double purchases(String outcome) {
        return purchases(api.get("/actuator/prometheus").body(), outcome);
    }

    /** The counter's value, 0 before its first increment (Micrometer registers it lazily). */
    private static double purchases(String scrape, String outcome) {
        Matcher line = Pattern.compile(
                        "(?m)^ticketoverflow_purchases_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$")
                .matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
