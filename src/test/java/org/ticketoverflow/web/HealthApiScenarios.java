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
import org.ticketoverflow.support.OpenApiContract;

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
    void publishesTheHandWrittenOpenApiDocument() {
        ApiResponse docs = api.get("/v3/api-docs");
        ApiResponse yaml = api.get("/v3/api-docs.yaml");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.contentType()).isEqualTo("application/json");
        assertThat(docs.json()).isEqualTo(OpenApiContract.shipped().document());
        assertThat(docs.json().get("openapi").stringValue()).isEqualTo("3.1.0");
        assertThat(docs.json().at("/info/title").stringValue()).isEqualTo("TicketOverflow API");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).isEqualTo("application/yaml");
        assertThat(yaml.body()).startsWith("openapi: 3.1.0");
    }

    @Test
    void servesSwaggerUiOverTheDocument() {
        ApiResponse ui = api.get("/swagger-ui.html");
        ApiResponse bundle = api.get("/webjars/swagger-ui/swagger-ui-bundle.js");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(ui.body()).containsIgnoringCase("swagger").contains("url: \"/v3/api-docs\"");
        assertThat(bundle.status()).as("%s", bundle).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
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
