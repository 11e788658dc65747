package org.ticketoverflow.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ticketoverflow.printing.Prints.awaitAllPrinted;
import static org.ticketoverflow.printing.Prints.rename;
import static org.ticketoverflow.printing.Prints.requestPrint;
import static org.ticketoverflow.printing.Prints.statuses;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.SvgDocument;
import tools.jackson.databind.json.JsonMapper;

/**
 * Q7 in small: a concert is renamed again and again (a distinct name each round) while its tickets print, and
 * pollers fetch every ticket's print all along, noting when each request was SENT. A print showing a name that
 * a rename had replaced before the request was sent is stale, and must never be served. (A request sent before
 * the PUT returned may legitimately answer with the old name: it raced the rename.) Works with
 * {@link SteerableHamilton}, whose SVG carries the concert name exactly, as the hamilton input JSON.
 */
final class RenameRace {

    private static final int POLLERS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Observation(String ticketId, Instant sent, int status, String body) {}

    private final ApiClient api;
    private final List<String> names;
    private final List<Instant> renamed = new CopyOnWriteArrayList<>();
    private final Queue<Observation> observations = new ConcurrentLinkedQueue<>();
    private final List<Integer> pendingAtRename = new ArrayList<>();

    /** {@code names.getFirst()} is the concert's name at the start; each further one is a rename. */
    RenameRace(ApiClient api, List<String> names) {
        this.api = api;
        this.names = List.copyOf(names);
    }

    List<String> names() {
        return names;
    }

    /** Rounds of: request every print, rename once a quarter have printed; then print all under the last name. */
    void run(String concertId, List<String> tickets) {
        AtomicBoolean polling = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(POLLERS);
        List<CompletableFuture<Void>> pollers = IntStream.range(0, POLLERS)
                .mapToObj(offset -> CompletableFuture.runAsync(() -> poll(tickets, offset, polling), pool))
                .toList();
        try {
            for (int round = 1; round < names.size(); round++) {
                tickets.forEach(id -> requestPrint(api, id));
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> count(statuses(api, concertId), "PRINTED") >= tickets.size() / 4);
                Map<String, String> before = statuses(api, concertId);
                pendingAtRename.add(count(before, "PENDING"));

                rename(api, concertId, names.get(round));
                renamed.add(Instant.now());

                Map<String, String> after = statuses(api, concertId);
                String renamedTo = names.get(round);
                before.forEach((id, status) -> {
                    if (status.equals("PRINTED")) {
                        assertThat(after.get(id))
                                .as("ticket %s, PRINTED before the rename to %s", id, renamedTo)
                                .isEqualTo("NOT_PRINTED");
                    }
                });
            }
            tickets.forEach(id -> requestPrint(api, id));
            awaitAllPrinted(api, concertId);
        } finally {
            polling.set(false);
            pollers.forEach(CompletableFuture::join);
            pool.shutdown();
        }
        assertThat(observations).extracting(Observation::status).containsOnly(200, 404);
        observations.stream()
                .filter(o -> o.status() == 200)
                .forEach(o -> assertThat(SvgDocument.parse(o.body()).rootDesc()).isEqualTo(o.ticketId()));
    }

    /** Every served print whose name had been replaced by a rename that returned before the GET was sent. */
    List<String> stale() {
        return observations.stream()
                .filter(o -> o.status() == 200)
                .filter(o -> {
                    long renamesBefore =
                            renamed.stream().filter(at -> at.isBefore(o.sent())).count();
                    return names.indexOf(concertName(o.body())) < renamesBefore;
                })
                .map(o -> "ticket " + o.ticketId() + " asked at " + o.sent() + " showed '" + concertName(o.body())
                        + "' after renames returned at " + renamed)
                .toList();
    }

    long servedAfterARename() {
        return observations.stream()
                .filter(o -> o.status() == 200 && o.sent().isAfter(renamed.getFirst()))
                .count();
    }

    List<Integer> pendingAtEachRename() {
        return List.copyOf(pendingAtRename);
    }

    /** The concert name in a stand-in hamilton's ticket: its text is the input JSON. */
    static String concertName(String svg) {
        String input = SvgDocument.parse(svg).texts().stream()
                .filter(text -> text.startsWith("{"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no hamilton input in " + svg));
        return JSON.readTree(input).at("/concert/name").stringValue();
    }

    private void poll(List<String> tickets, int offset, AtomicBoolean polling) {
        for (int i = offset; polling.get(); i += POLLERS) {
            String ticketId = tickets.get(i % tickets.size());
            Instant sent = Instant.now();
            ApiResponse print = api.get("/api/v1/tickets/" + ticketId + "/print");
            observations.add(
                    new Observation(ticketId, sent, print.status(), print.status() == 200 ? print.body() : null));
        }
    }

    private static int count(Map<String, String> statuses, String status) {
        return (int) statuses.values().stream().filter(status::equals).count();
    }
}
