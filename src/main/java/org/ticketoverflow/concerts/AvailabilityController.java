package org.ticketoverflow.concerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketoverflow.web.RequestRejected;

/**
 * Seats left, for the box office's live counts (our decision, an extension beyond v1: the Concert resource has no
 * sold count, and the seating plan's lags by up to its render interval). One small batched read per open page:
 * {@code GET /api/v1/concerts/availability?ids=a,b,c} answers the current {@code seats_left} and {@code status} of
 * each named concert that exists, straight from the row purchases update.
 */
@RestController
class AvailabilityController {

    static final int MAX_IDS = 100;

    private final Concerts concerts;

    AvailabilityController(Concerts concerts) {
        this.concerts = concerts;
    }

    @GetMapping("/api/v1/concerts/availability")
    List<Availability> availability(@RequestParam(name = "ids") String ids) {
        Set<String> wanted = new LinkedHashSet<>();
        Arrays.stream(ids.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .forEach(wanted::add);
        if (wanted.isEmpty() || wanted.size() > MAX_IDS) {
            throw RequestRejected.invalid("ids", "'ids' must name 1 to " + MAX_IDS + " concert ids, comma separated");
        }
        return concerts.find(wanted).stream().map(Availability::of).toList();
    }

    /** How many seats a concert has left, with its status (a cancelled concert sells none). */
    record Availability(
            String id,
            int capacity,
            @JsonProperty("seats_left") int seatsLeft,
            String status) {
        static Availability of(Concert concert) {
            return new Availability(
                    concert.id(),
                    concert.capacity(),
                    concert.capacity() - concert.sold(),
                    concert.status().name());
        }
    }
}
