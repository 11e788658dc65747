package org.ticketoverflow.concerts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads of one concert by id for {@code GET /concerts/{id}}, coalesced: at most one read of an id is in flight per
 * node, and every request that arrives while it runs shares the read that starts right after it. During an on-sale
 * thousands of fans reload the same concert; they then cost one query per flight instead of one each.
 *
 * <p>No answer is staler than an uncoalesced read would be: a request is answered by a read that <em>started after
 * the request arrived</em> (a read already running when it arrives may have begun before a write that the caller
 * has seen return, so it never joins that one). That is why this is not a cache: there is nothing to invalidate,
 * on this node or any other.
 */
@Component
class ConcertReads {

    private final Function<String, Optional<Concert>> reader;
    private final Map<String, Line> lines = new ConcurrentHashMap<>();

    @Autowired
    ConcertReads(Concerts concerts) {
        this(concerts::find);
    }

    /** Reads with {@code reader} (tests use a stand-in of known cost). */
    ConcertReads(Function<String, Optional<Concert>> reader) {
        this.reader = reader;
    }

    Optional<Concert> find(String id) {
        Line line = lines.computeIfAbsent(id, Line::new);
        Flight flight;
        Flight before = null;
        boolean leads;
        synchronized (line) {
            if (line.running == null) {
                flight = line.running = new Flight();
                leads = true;
            } else if (line.next == null) {
                before = line.running;
                flight = line.next = new Flight();
                leads = true;
            } else {
                flight = line.next;
                leads = false;
            }
        }
        if (leads) {
            if (before != null) {
                // the running read may predate this request: wait for it to end; its leader makes ours the running one
                before.done.exceptionally(failure -> null).join();
            }
            read(line, flight);
        }
        try {
            return flight.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** Runs the flight's read, then hands the line to the next flight before anyone learns the result. */
    private void read(Line line, Flight flight) {
        Optional<Concert> concert = null;
        Throwable failure = null;
        try {
            concert = reader.apply(line.id);
        } catch (RuntimeException | Error e) {
            // whatever happens, the line is handed on and the flight completed: a waiter must never hang
            failure = e;
        }
        synchronized (line) {
            line.running = line.next;
            line.next = null;
            if (line.running == null) {
                // idle: a request holding this line still works with it, it just shares with nobody new
                lines.remove(line.id, line);
            }
        }
        if (failure != null) {
            flight.done.completeExceptionally(failure);
        } else {
            flight.done.complete(concert);
        }
    }

    private static final class Line {
        private final String id;
        private Flight running;
        private Flight next;

        Line(String id) {
            this.id = id;
        }
    }

    private static final class Flight {
        private final CompletableFuture<Optional<Concert>> done = new CompletableFuture<>();
    }
}
