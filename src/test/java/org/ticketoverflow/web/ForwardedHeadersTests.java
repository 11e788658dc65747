package org.ticketoverflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.AppInstance;
import tools.jackson.databind.JsonNode;

/**
 * The absolute URLs of a node behind a load balancer, through real HTTP: Tomcat's RemoteIpValve
 * ({@code server.forward-headers-strategy: native}) applies X-Forwarded-Proto/Host/Port from a trusted proxy (by
 * default loopback and the private networks, which is where these requests come from), and only from one.
 */
class ForwardedHeadersTests {

    private static AppInstance node;

    @BeforeAll
    static void start() {
        node = AppInstance.startOnOwnH2();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void httpsAndTheHostFromTheLoadBalancer() {
        assertLinks(
                node.api(),
                "https://tickets.example.com",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "tickets.example.com");
    }

    @Test
    void aForwardedPortThatIsNotTheSchemesDefault() {
        assertLinks(
                node.api(),
                "https://tickets.example.com:8443",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "tickets.example.com",
                "X-Forwarded-Port",
                "8443");
    }

    @Test
    void aHostWithItsPortAsNginxForwardsIt() {
        assertLinks(
                node.api(),
                "https://tickets.example.com:8443",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "tickets.example.com:8443");
        assertLinks(
                node.api(), "http://localhost:8080", "X-Forwarded-Proto", "http", "X-Forwarded-Host", "localhost:8080");
    }

    @Test
    void plainHttpFromTheLoadBalancerDropsTheDefaultPort() {
        assertLinks(
                node.api(),
                "http://tickets.example.com",
                "X-Forwarded-Proto",
                "http",
                "X-Forwarded-Host",
                "tickets.example.com");
    }

    @Test
    void withoutForwardedHeadersTheAddressTheClientUsed() {
        assertLinks(node.api(), node.api().baseUrl());
    }

    @Test
    void anExplicitForwardedPortWinsOverTheHostsPort() {
        assertLinks(
                node.api(),
                "https://tickets.example.com:9443",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "tickets.example.com:8443",
                "X-Forwarded-Port",
                "9443");
    }

    @Test
    void headersFromAPeerThatIsNotATrustedProxyAreIgnored() {
        try (AppInstance strict = AppInstance.startOnOwnH2("server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1")) {
            assertLinks(
                    strict.api(),
                    strict.api().baseUrl(),
                    "X-Forwarded-Proto",
                    "https",
                    "X-Forwarded-Host",
                    "evil.example.com:666");
        }
    }

    @Test
    void aConfiguredPublicBaseUrlWinsOverTheHeaders() {
        try (AppInstance configured =
                AppInstance.startOnOwnH2("ticketoverflow.public-base-url=https://box.example.org/")) {
            assertLinks(
                    configured.api(),
                    "https://box.example.org",
                    "X-Forwarded-Proto",
                    "http",
                    "X-Forwarded-Host",
                    "tickets.example.com");
        }
    }

    /** A concert's Location and a ticket's links and Location all start with {@code base}. */
    private static void assertLinks(ApiClient api, String base, String... headers) {
        ApiResponse created = api.post(
                "/api/v1/concerts",
                ApiClient.concertJson("Proxy Night", "Edge Hall", "2030-01-02", 5, "ACTIVE"),
                headers);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String concertId = created.json().get("id").stringValue();
        assertThat(created.header("Location")).isEqualTo(base + "/api/v1/concerts/" + concertId);

        ApiResponse bought = api.post("/api/v1/tickets", """
                {"concert_id": "%s", "user_id": "%s"}""".formatted(concertId, ApiClient.user(21)), headers);
        assertThat(bought.status()).as("%s", bought).isEqualTo(201);
        JsonNode ticket = bought.json();
        String ticketId = ticket.get("id").stringValue();
        assertThat(ticket.at("/concert/url").stringValue()).isEqualTo(base + "/api/v1/concerts/" + concertId);
        assertThat(ticket.at("/user/url").stringValue()).isEqualTo(base + "/api/v1/users/" + ApiClient.user(21));
        assertThat(bought.header("Location")).isEqualTo(base + "/api/v1/tickets/" + ticketId);
        assertThat(api.get("/api/v1/tickets/" + ticketId, headers).json()).isEqualTo(ticket);
    }
}
