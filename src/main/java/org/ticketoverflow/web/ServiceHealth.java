package org.ticketoverflow.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The three per-service health endpoints. They answer from the last database probe ({@link DatabaseReachability})
 * instead of probing on every call: a health check must stay fast while the node is saturated or the database hangs.
 */
@RestController
class ServiceHealth {

    private final DatabaseReachability database;

    ServiceHealth(DatabaseReachability database) {
        this.database = database;
    }

    @GetMapping({"/api/v1/concerts/health", "/api/v1/tickets/health", "/api/v1/users/health"})
    ResponseEntity<Map<String, String>> health() {
        return database.reachable()
                ? ResponseEntity.ok(Map.of("status", "UP"))
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("status", "DOWN", "detail", "the database is unreachable"));
    }
}
