package org.ticketoverflow.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first step of a graceful shutdown of an api node: report not ready, then keep serving for the drain delay,
 * and only then let Spring stop the lifecycle beans (job workers, then the web server's graceful shutdown, which
 * stops accepting connections and finishes the requests in flight).
 *
 * <p>Spring Boot's web context already publishes {@link ReadinessState#REFUSING_TRAFFIC} when it starts closing;
 * this publishes it again (harmless) so the order does not rest on that detail, and then waits. The wait is what
 * a Kubernetes {@code preStop} sleep does, in the application, so it also holds under compose, podman or systemd.
 * A worker node gets no traffic and does not wait.
 */
@Component
class ShutdownDrain {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationAvailability availability;
    private final Duration drainDelay;
    private final boolean api;

    ShutdownDrain(ApplicationAvailability availability, ShutdownSettings settings, NodeRoles roles) {
        this.availability = availability;
        this.drainDelay = settings.drainDelay();
        this.api = roles.api();
    }

    @EventListener
    void onClose(ContextClosedEvent event) {
        ApplicationContext context = event.getApplicationContext();
        if (context.getParent() != null || !api) {
            return;
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        if (!drainDelay.isPositive()) {
            return;
        }
        log.info(
                "Shutting down: readiness is {}; serving for {} more before refusing connections",
                availability.getReadinessState(),
                drainDelay);
        try {
            Thread.sleep(drainDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
