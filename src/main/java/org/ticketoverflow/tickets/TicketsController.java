package org.ticketoverflow.tickets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.idempotency.IdempotentRequests;
import org.ticketoverflow.idempotency.KeyClaim;
import org.ticketoverflow.users.UserDirectory;
import org.ticketoverflow.users.UsersServiceUnavailable;
import org.ticketoverflow.web.BaseUrl;
import org.ticketoverflow.web.ListResponses;
import org.ticketoverflow.web.Paging;
import org.ticketoverflow.web.RequestRejected;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/tickets")
class TicketsController {

    private final BoxOffice boxOffice;
    private final Tickets tickets;
    private final Concerts concerts;
    private final UserDirectory users;
    private final TicketViews views;
    private final ListResponses lists;
    private final BaseUrl baseUrl;
    private final PurchaseSettings settings;
    private final IdempotentRequests onceOnly;
    private final Timer purchaseDuration;
    private final JsonMapper json;

    TicketsController(
            BoxOffice boxOffice,
            Tickets tickets,
            Concerts concerts,
            UserDirectory users,
            TicketViews views,
            ListResponses lists,
            BaseUrl baseUrl,
            PurchaseSettings settings,
            IdempotentRequests onceOnly,
            MeterRegistry meters,
            JsonMapper json) {
        this.boxOffice = boxOffice;
        this.tickets = tickets;
        this.concerts = concerts;
        this.users = users;
        this.views = views;
        this.lists = lists;
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.onceOnly = onceOnly;
        this.json = json;
        this.purchaseDuration = Timer.builder("ticketoverflow.purchase.duration")
                .description("time from a purchase request to its answer")
                .register(meters);
    }

    /**
     * Without a key the body is read by {@link PurchaseRequest}, token by token, not by a message converter: see
     * there why. With a key the body is also read as a tree, for its fingerprint, and validated inside the keyed
     * request so that a 400 is recorded too. The ticket goes out as bytes with a Content-Length, so Tomcat sends the
     * whole answer in one write instead of a chunk and a terminating chunk.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> purchase(
            HttpServletRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey)
            throws IOException {
        long start = System.nanoTime();
        try {
            if (idempotencyKey == null) {
                return sell(PurchaseRequest.read(request), null);
            }
            byte[] body = request.getInputStream().readAllBytes();
            JsonNode tree = PurchaseRequest.tree(json, body, request);
            return onceOnly.once(
                    PurchaseReceipts.SCOPE,
                    idempotencyKey,
                    tree,
                    claim -> sell(PurchaseRequest.parse(body, request), claim),
                    id -> created(new Ticket(
                            id,
                            tree.get("concert_id").stringValue(),
                            tree.get("user_id").stringValue(),
                            PrintStatus.NOT_PRINTED,
                            null)));
        } finally {
            purchaseDuration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private ResponseEntity<byte[]> sell(PurchaseRequest body, KeyClaim claim) {
        String concertId = body.concertId();
        String userId = body.userId();
        if (!known(userId)) {
            throw RequestRejected.invalid("user_id", "No user with id " + userId);
        }
        PurchaseOutcome outcome = await(boxOffice.purchase(concertId, userId, claim));
        return switch (outcome) {
            case PurchaseOutcome.Sold sold -> created(sold.ticket());
            case PurchaseOutcome.SoldOut s -> throw s.refusal(concertId);
            case PurchaseOutcome.Cancelled c -> throw c.refusal(concertId);
            case PurchaseOutcome.UnknownConcert u -> throw u.refusal(concertId);
            case PurchaseOutcome.Shed s -> throw busy("Too many purchases in progress; try again shortly");
            case PurchaseOutcome.Failed f -> throw busy("The purchase could not be completed; nothing was sold");
            case PurchaseOutcome.Unconfirmed u ->
                throw busy("The purchase could not be confirmed; check your tickets before trying again");
            case PurchaseOutcome.Replayed r ->
                onceOnly.replay(
                        claim,
                        r.record(),
                        id -> created(new Ticket(id, concertId, userId, PrintStatus.NOT_PRINTED, null)));
            case PurchaseOutcome.KeyInUse k ->
                throw RequestRejected.conflict("A purchase with this Idempotency-Key is still being answered", 1);
        };
    }

    private ResponseEntity<byte[]> created(Ticket ticket) {
        TicketView view = views.of(ticket, PrintStatus.NOT_PRINTED);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(view.url()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(view));
    }

    @GetMapping("/{id}")
    TicketView one(@PathVariable String id) {
        Ticket ticket = tickets.find(id).orElseThrow(() -> RequestRejected.notFound("No ticket with id " + id));
        long version = concerts.version(ticket.concertId()).orElseThrow();
        return views.of(ticket, ticket.printStatusAt(version));
    }

    @GetMapping
    void list(
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(name = "concert_id", required = false) String concertId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after,
            HttpServletResponse response)
            throws IOException {
        Paging paging = Paging.of(limit, after);
        if (userId != null && !known(userId)) {
            throw RequestRejected.notFound("No user with id " + userId);
        }
        if (concertId != null && !concerts.exists(concertId)) {
            throw RequestRejected.notFound("No concert with id " + concertId);
        }
        String base = baseUrl.current();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("user_id", userId);
        filters.put("concert_id", concertId);
        lists.send(response, paging, base + "/api/v1/tickets", filters, (page, sink) -> {
            // each concert's version is read after its first ticket row: a ticket that reads PRINTED was current
            // then; one entry per concert seen, never per ticket
            Map<String, Long> versions = new HashMap<>();
            tickets.list(userId, concertId, page.afterSeq(), page.rowsToRead(), (ticket, seq) -> {
                long version = versions.computeIfAbsent(ticket.concertId(), this::currentVersion);
                sink.add(TicketViews.of(base, ticket, ticket.printStatusAt(version)), seq);
            });
        });
    }

    private long currentVersion(String concertId) {
        return concerts.version(concertId)
                .orElseThrow(() -> new IllegalStateException("ticket of a concert that does not exist: " + concertId));
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
