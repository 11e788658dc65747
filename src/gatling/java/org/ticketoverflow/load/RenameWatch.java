package org.ticketoverflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.http.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the users printing tickets of a renamed concert saw (Q7). The rename's request and answer times split
 * every observation into before / during / after; only what was requested after the PUT returned is held to
 * the new name.
 */
final class RenameWatch {

    private static final int MAX_EXAMPLES = 5;

    private final String oldName;
    private final String newName;
    private volatile long renameSentAt = Long.MAX_VALUE;
    private volatile long renameReturnedAt = Long.MAX_VALUE;
    private final Map<String, Long> firstSeenPrinted = new ConcurrentHashMap<>();
    private final Set<String> reprinted = ConcurrentHashMap.newKeySet();
    private final Set<String> errors = ConcurrentHashMap.newKeySet();
    private final LongAdder fetchesBefore = new LongAdder();
    private final LongAdder fetchesAfter = new LongAdder();
    private final LongAdder goneAfter = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final List<String> examples = new CopyOnWriteArrayList<>();
    private volatile int printedBeforeRename = -1;
    private volatile int flipped;
    private final List<String> stillPrinted = new CopyOnWriteArrayList<>();

    RenameWatch(String oldName, String newName) {
        this.oldName = oldName;
        this.newName = newName;
    }

    void status(String ticketId, String printStatus, long answeredAt) {
        if ("PRINTED".equals(printStatus)) {
            firstSeenPrinted.merge(ticketId, answeredAt, Math::min);
        } else if ("ERROR".equals(printStatus)) {
            errors.add(ticketId);
        }
    }

    void renamed(long sentAt, long returnedAt) {
        renameSentAt = sentAt;
        renameReturnedAt = returnedAt;
    }

    boolean renamed() {
        return renameReturnedAt != Long.MAX_VALUE;
    }

    boolean requestedAfterRename(Response response) {
        return response.startTimestamp() >= renameReturnedAt;
    }

    /** A fetched print (GET /tickets/{id}/print). */
    void fetched(String ticketId, Response response) {
        boolean after = requestedAfterRename(response);
        if (!after) {
            fetchesBefore.increment();
            return;
        }
        fetchesAfter.increment();
        if (response.status().code() != 200) {
            goneAfter.increment();
            return;
        }
        String svg = response.body().string();
        if (svg.contains(newName) && !svg.contains(oldName)) {
            reprinted.add(ticketId);
        } else {
            stale.increment();
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(ticketId + " fetched " + (response.startTimestamp() - renameReturnedAt)
                        + " ms after the rename returned");
            }
        }
    }

    /**
     * The ticket list read right after the rename returned: the tickets seen PRINTED before the rename was
     * sent must not read PRINTED any more (those that do are fetched at once and must show the new name).
     */
    List<Object> listedRightAfter(String ticketsBody) {
        int before = 0;
        int notPrinted = 0;
        List<Object> printed = new ArrayList<>();
        for (JsonNode ticket : TicketOverflowClient.parse(ticketsBody)) {
            String id = ticket.path("id").asText();
            Long seen = firstSeenPrinted.get(id);
            if (seen != null && seen < renameSentAt) {
                before++;
                if ("PRINTED".equals(ticket.path("print_status").asText())) {
                    printed.add(id);
                } else {
                    notPrinted++;
                }
            }
        }
        printedBeforeRename = before;
        flipped = notPrinted;
        printed.forEach(id -> stillPrinted.add((String) id));
        return printed;
    }

    boolean done(String ticketId) {
        return reprinted.contains(ticketId);
    }

    int printedCount() {
        return firstSeenPrinted.size();
    }

    Verdicts.Finding noStaleTicket() {
        List<String> problems = new ArrayList<>();
        if (!renamed()) {
            problems.add("the rename never happened");
        }
        if (stale.sum() > 0) {
            problems.add("%d prints fetched after the rename returned still carried the old name, e.g. %s"
                    .formatted(stale.sum(), examples));
        }
        if (fetchesAfter.sum() == 0) {
            problems.add("no print was fetched after the rename");
        }
        String figures = ("%d stale of %d prints fetched after the rename (%d of them 404: not printed yet);"
                        + " %d fetched before")
                .formatted(stale.sum(), fetchesAfter.sum(), goneAfter.sum(), fetchesBefore.sum());
        return Verdicts.Finding.of(figures, problems);
    }

    Verdicts.Finding invalidated() {
        List<String> problems = new ArrayList<>();
        if (printedBeforeRename <= 0) {
            problems.add("no ticket was PRINTED before the rename, so invalidation was not exercised "
                    + "(raise -Dq7.renameAfterPrinted or the timeout)");
        }
        List<String> notInvalidated =
                stillPrinted.stream().filter(id -> !reprinted.contains(id)).toList();
        if (!notInvalidated.isEmpty()) {
            problems.add("%d tickets read PRINTED right after the rename without showing the new name: %s"
                    .formatted(
                            notInvalidated.size(),
                            notInvalidated.stream().limit(MAX_EXAMPLES).toList()));
        }
        String figures = ("%d of %d tickets PRINTED before the rename read NOT_PRINTED/PENDING right after it"
                        + " (%d still read PRINTED)")
                .formatted(flipped, Math.max(0, printedBeforeRename), stillPrinted.size());
        return Verdicts.Finding.of(figures, problems);
    }

    Verdicts.Finding reprintsShowNewName(int tickets) {
        List<String> problems = new ArrayList<>();
        if (reprinted.size() < tickets) {
            problems.add("only %d of %d tickets were fetched with the new name before the time ran out"
                    .formatted(reprinted.size(), tickets));
        }
        if (!errors.isEmpty()) {
            problems.add("%d tickets went to print status ERROR".formatted(errors.size()));
        }
        return Verdicts.Finding.of(
                "%d of %d tickets re-printed with \"%s\"".formatted(reprinted.size(), tickets, newName), problems);
    }
}
