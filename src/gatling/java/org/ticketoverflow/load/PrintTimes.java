package org.ticketoverflow.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each ticket's print was requested and when it was first seen PRINTED (epoch millis). */
final class PrintTimes {

    private final Map<String, Long> requested = new ConcurrentHashMap<>();
    private final Map<String, Long> printed = new ConcurrentHashMap<>();
    private final Map<String, String> failed = new ConcurrentHashMap<>();

    void requested(String ticketId, long at) {
        requested.putIfAbsent(ticketId, at);
    }

    void observed(String ticketId, String printStatus, long at) {
        switch (printStatus) {
            case "PRINTED" -> printed.putIfAbsent(ticketId, at);
            case "PENDING" -> {}
            default -> failed.putIfAbsent(ticketId, printStatus);
        }
    }

    boolean settled(String ticketId) {
        return printed.containsKey(ticketId) || failed.containsKey(ticketId);
    }

    int requestedCount() {
        return requested.size();
    }

    int printedCount() {
        return printed.size();
    }

    Map<String, String> failures() {
        return Map.copyOf(failed);
    }

    /** Milliseconds from request to PRINTED, sorted. */
    List<Long> millisToPrinted() {
        List<Long> durations = new ArrayList<>();
        printed.forEach((ticket, at) -> {
            Long from = requested.get(ticket);
            if (from != null) {
                durations.add(Math.max(0, at - from));
            }
        });
        durations.sort(null);
        return durations;
    }

    long maxMillis() {
        List<Long> durations = millisToPrinted();
        return durations.isEmpty() ? 0 : durations.getLast();
    }

    /** The {@code percent} percentile (nearest rank) of sorted {@code durations}, which must not be empty. */
    private static long percentile(List<Long> durations, int percent) {
        int rank = (int) Math.ceil(durations.size() * percent / 100.0);
        return durations.get(Math.max(0, rank - 1));
    }

    String figures() {
        List<Long> durations = millisToPrinted();
        if (durations.isEmpty()) {
            return "%d prints requested, none PRINTED".formatted(requestedCount());
        }
        return "%d of %d PRINTED; time to PRINTED min %.1f s, p50 %.1f s, p95 %.1f s, max %.1f s"
                .formatted(
                        durations.size(),
                        requestedCount(),
                        durations.getFirst() / 1000.0,
                        durations.get(durations.size() / 2) / 1000.0,
                        percentile(durations, 95) / 1000.0,
                        durations.getLast() / 1000.0);
    }
}
