package org.ticketoverflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.AppInstance;

/**
 * Graceful shutdown begins with readiness DOWN while the node still serves: a load balancer polling readiness
 * has the drain delay to take the node out before it stops accepting connections.
 */
class ShutdownDrainIntegrationTests {

    private static final Duration DRAIN = Duration.ofSeconds(3);

    @Test
    void anApiNodeReportsNotReadyAndKeepsServingForTheDrainDelayBeforeItStops() {
        AppInstance node =
                AppInstance.startOnOwnH2("ticketoverflow.roles=api", "ticketoverflow.shutdown.drain-delay=3s");
        ApiClient api = node.api();
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);

        long start = System.nanoTime();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/actuator/health/readiness").status() == 503);
        assertThat(api.get("/api/v1/concerts").status())
                .as("the API while readiness is DOWN")
                .isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(closing).as("still draining").isNotDone();

        closing.join();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DRAIN);
        assertThatThrownBy(() -> api.get("/api/v1/concerts"))
                .as("connections after the shutdown")
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aWorkerNodeServesNoTrafficAndStopsWithoutWaiting() {
        AppInstance node =
                AppInstance.startOnOwnH2("ticketoverflow.roles=worker", "ticketoverflow.shutdown.drain-delay=30s");
        long start = System.nanoTime();
        node.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
