package org.ticketoverflow.tickets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.users.UserDirectory;
import org.ticketoverflow.users.UsersServiceUnavailable;
import org.ticketoverflow.web.RequestRejected;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/tickets")
class TicketsController {

    private final BoxOffice boxOffice;
    private final Tickets tickets;
    private final Concerts concerts;
    private final UserDirectory users;
    private final TicketViews views;
    private final PurchaseSettings settings;
    private final Timer purchaseDuration;
    private final JsonMapper json;

    TicketsController(
            BoxOffice boxOffice,
            Tickets tickets,
            Concerts concerts,
            UserDirectory users,
            TicketViews views,
            PurchaseSettings settings,
            MeterRegistry meters,
            JsonMapper json) {
        this.boxOffice = boxOffice;
        this.tickets = tickets;
        this.concerts = concerts;
        this.users = users;
        this.views = views;
        this.settings = settings;
        this.json = json;
        this.purchaseDuration = Timer.builder("ticketoverflow.purchase.duration")
                .description("time from a purchase request to its answer")
                .register(meters);
    }

    /**
     * The body is read by {@link PurchaseRequest}, not by a message converter: see there why. The ticket goes out
     * as bytes with a Content-Length, so Tomcat sends the whole answer in one write instead of a chunk and a
     * terminating chunk.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = PurchaseRequest.class)))
    @ApiResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = TicketView.class)))
    ResponseEntity<byte[]> purchase(HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        try {
            return sell(PurchaseRequest.read(request));
        } finally {
            purchaseDuration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private ResponseEntity<byte[]> sell(PurchaseRequest body) {
        String concertId = body.concertId();
        String userId = body.userId();
        if (!known(userId)) {
            throw RequestRejected.invalid("user_id", "No user with id " + userId);
        }
        PurchaseOutcome outcome = await(boxOffice.purchase(concertId, userId));
        return switch (outcome) {
            case PurchaseOutcome.Sold sold -> {
                TicketView view = views.of(sold.ticket(), PrintStatus.NOT_PRINTED);
                yield ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create(view.url()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(json.writeValueAsBytes(view));
            }
            case PurchaseOutcome.SoldOut s ->
                throw RequestRejected.unprocessable("Concert " + concertId + " has no seats left");
            case PurchaseOutcome.Cancelled c ->
                throw RequestRejected.unprocessable("Concert " + concertId + " is cancelled");
            case PurchaseOutcome.UnknownConcert u ->
                throw RequestRejected.invalid("concert_id", "No concert with id " + concertId);
            case PurchaseOutcome.Shed s -> throw busy("Too many purchases in progress; try again shortly");
            case PurchaseOutcome.Failed f -> throw busy("The purchase could not be completed; nothing was sold");
        };
    }

    @GetMapping("/{id}")
    TicketView one(@PathVariable String id) {
        Ticket ticket = tickets.find(id).orElseThrow(() -> RequestRejected.notFound("No ticket with id " + id));
        long version = concerts.version(ticket.concertId()).orElseThrow();
        return views.of(ticket, ticket.printStatusAt(version));
    }

    @GetMapping
    List<TicketView> list(
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(name = "concert_id", required = false) String concertId) {
        if (userId != null && !known(userId)) {
            throw RequestRejected.notFound("No user with id " + userId);
        }
        if (concertId != null && !concerts.exists(concertId)) {
            throw RequestRejected.notFound("No concert with id " + concertId);
        }
        // tickets first, versions second: a print that reads PRINTED here was current after the tickets were read
        List<Ticket> found = tickets.list(userId, concertId);
        Set<String> concertIds = new HashSet<>();
        found.forEach(t -> concertIds.add(t.concertId()));
        Map<String, Long> versions = concerts.versions(concertIds);
        return views.of(found, t -> t.printStatusAt(versions.get(t.concertId())));
    }

    private boolean known(String userId) {
        try {
            return users.find(userId).isPresent();
        } catch (UsersServiceUnavailable e) {
            throw busy("The users service is unavailable; try again shortly");
        }
    }

    private PurchaseOutcome await(CompletableFuture<PurchaseOutcome> outcome) {
        try {
            return outcome.get(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw busy("The purchase is taking too long; check your tickets before trying again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("Interrupted");
        } catch (ExecutionException e) {
            throw busy("The purchase could not be completed");
        }
    }

    private RequestRejected busy(String detail) {
        return RequestRejected.unavailable(
                detail, (int) Math.max(1, settings.retryAfter().toSeconds()));
    }
}
