package org.ticketoverflow.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The three per-service health endpoints. They answer from the last database probe instead of probing on every
 * call: a health check must stay fast while the node is saturated or the database hangs.
 */
@RestController
class ServiceHealth {

    private static final Logger log = LoggerFactory.getLogger(ServiceHealth.class);

    private final DataSource dataSource;
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);

    ServiceHealth(DataSource dataSource) {
        this.dataSource = dataSource;
        probe();
    }

    @GetMapping({"/api/v1/concerts/health", "/api/v1/tickets/health", "/api/v1/users/health"})
    ResponseEntity<Map<String, String>> health() {
        return databaseUp.get()
                ? ResponseEntity.ok(Map.of("status", "UP"))
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("status", "DOWN", "detail", "the database is unreachable"));
    }

    @Scheduled(fixedDelayString = "${ticketoverflow.health-probe-interval:1s}")
    void probe() {
        boolean up;
        try (var connection = dataSource.getConnection()) {
            up = connection.isValid(2);
        } catch (Exception e) {
            up = false;
        }
        if (databaseUp.getAndSet(up) != up) {
            log.warn("database is now {}", up ? "reachable" : "UNREACHABLE");
        }
    }
}
