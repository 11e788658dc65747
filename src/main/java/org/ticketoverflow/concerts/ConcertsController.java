package org.ticketoverflow.concerts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketoverflow.idempotency.IdempotentRequests;
import org.ticketoverflow.idempotency.KeyClaim;
import org.ticketoverflow.web.BaseUrl;
import org.ticketoverflow.web.ListResponses;
import org.ticketoverflow.web.Paging;
import org.ticketoverflow.web.RequestRejected;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/concerts")
class ConcertsController {

    static final String SCOPE = "POST /api/v1/concerts";

    private final Concerts concerts;
    private final ConcertReads reads;
    private final ConcertSettings settings;
    private final BaseUrl baseUrl;
    private final ListResponses lists;
    private final IdempotentRequests onceOnly;

    ConcertsController(
            Concerts concerts,
            ConcertReads reads,
            ConcertSettings settings,
            BaseUrl baseUrl,
            ListResponses lists,
            IdempotentRequests onceOnly) {
        this.concerts = concerts;
        this.reads = reads;
        this.lists = lists;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.onceOnly = onceOnly;
    }

    @GetMapping
    void all(
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after,
            HttpServletResponse response)
            throws IOException {
        Paging paging = Paging.of(limit, after);
        lists.send(
                response,
                paging,
                baseUrl.of("/api/v1/concerts"),
                Map.of(),
                (page, sink) -> concerts.list(
                        page.afterSeq(), page.rowsToRead(), (concert, seq) -> sink.add(ConcertView.of(concert), seq)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConcertView> create(
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        if (idempotencyKey == null) {
            return createConcert(body, null);
        }
        return onceOnly.once(SCOPE, idempotencyKey, body, claim -> createConcert(body, claim), id -> {
            // the body was valid when the key was recorded; the bound is not checked again on a replay
            NewConcert asSubmitted = ConcertInput.forCreate(body, Integer.MAX_VALUE);
            return created(new Concert(
                    id,
                    asSubmitted.name(),
                    asSubmitted.venue(),
                    asSubmitted.date(),
                    asSubmitted.capacity(),
                    0,
                    asSubmitted.status(),
                    1));
        });
    }

    private ResponseEntity<ConcertView> createConcert(JsonNode body, KeyClaim claim) {
        return created(concerts.create(ConcertInput.forCreate(body, settings.maxCapacity()), claim));
    }

    private ResponseEntity<ConcertView> created(Concert concert) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(java.net.URI.create(baseUrl.of("/api/v1/concerts/" + concert.id())))
                .body(ConcertView.of(concert));
    }

    @GetMapping("/{id}")
    ConcertView one(@PathVariable String id) {
        return reads.find(id).map(ConcertView::of).orElseThrow(() -> unknown(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ConcertView update(@PathVariable String id, @RequestBody JsonNode body) {
        ConcertChanges changes = ConcertInput.forUpdate(body);
        return concerts.update(id, changes).map(ConcertView::of).orElseThrow(() -> unknown(id));
    }

    private static RequestRejected unknown(String id) {
        return RequestRejected.notFound("No concert with id " + id);
    }

    /** The six keys of the API's Concert, in that order. */
    record ConcertView(String id, String name, String venue, String date, int capacity, String status) {
        static ConcertView of(Concert concert) {
            return new ConcertView(
                    concert.id(),
                    concert.name(),
                    concert.venue(),
                    concert.date().toString(),
                    concert.capacity(),
                    concert.status().name());
        }
    }
}
