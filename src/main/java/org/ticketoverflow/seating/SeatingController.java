package org.ticketoverflow.seating;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.web.RequestRejected;

@RestController
class SeatingController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final Concerts concerts;
    private final SeatingPlans plans;
    private final SeatingSettings settings;
    private final SeatingSweep sweep;

    SeatingController(Concerts concerts, SeatingPlans plans, SeatingSettings settings, SeatingSweep sweep) {
        this.sweep = sweep;
        this.concerts = concerts;
        this.plans = plans;
        this.settings = settings;
    }

    @GetMapping("/api/v1/concerts/{id}/seats")
    ResponseEntity<String> seats(@PathVariable String id, WebRequest request) {
        SeatingPlans.DrawnPlan plan = plans.latest(id).orElse(null);
        if (plan == null) {
            if (!concerts.exists(id)) {
                throw RequestRejected.notFound("No concert with id " + id);
            }
            sweep.requested(id);
            throw RequestRejected.unavailable("The first seating plan of concert " + id + " is being drawn", (int)
                    Math.max(1, settings.retryAfter().toSeconds()));
        }
        // Last-Modified says when the plan was drawn ("drawn N s ago"); the ETag tells apart two plans drawn within
        // one second, so a client polling with If-None-Match gets 304 until a new plan exists
        String etag = "\"" + plan.renderedAt().toEpochMilli() + "\"";
        if (request.checkNotModified(etag, plan.renderedAt().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(SVG)
                .eTag(etag)
                .lastModified(plan.renderedAt())
                .body(plan.svg());
    }
}
