package org.ticketoverflow.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/** The sales of every concert of a simulation, by concert id, in the order they were registered. */
final class SaleLedger {

    private final Map<String, ConcertSales> byId = new ConcurrentHashMap<>();
    private final List<ConcertSales> inOrder = new CopyOnWriteArrayList<>();

    ConcertSales register(String concertId, String label, int capacity, boolean trackAcks) {
        ConcertSales sales = new ConcertSales(concertId, label, capacity, trackAcks);
        byId.put(concertId, sales);
        inOrder.add(sales);
        return sales;
    }

    ConcertSales of(String concertId) {
        ConcertSales sales = byId.get(concertId);
        if (sales == null) {
            throw new IllegalArgumentException("no sale registered for concert " + concertId);
        }
        return sales;
    }

    List<ConcertSales> all() {
        return List.copyOf(inOrder);
    }

    List<Object> concertIds() {
        return new ArrayList<>(inOrder.stream().map(ConcertSales::concertId).toList());
    }

    boolean anyOpen() {
        return inOrder.stream().anyMatch(sales -> !sales.closed());
    }

    /** A concert not known to be sold out, picked at random (any one once all are). */
    String randomOpen() {
        List<ConcertSales> open =
                inOrder.stream().filter(sales -> !sales.closed()).toList();
        List<ConcertSales> pool = open.isEmpty() ? inOrder : open;
        return pool.get(ThreadLocalRandom.current().nextInt(pool.size())).concertId();
    }

    String random() {
        return inOrder.get(ThreadLocalRandom.current().nextInt(inOrder.size())).concertId();
    }

    /** A concert picked at random, weighted by capacity, so every concert sells at about the same pace. */
    String randomByCapacity() {
        long total = inOrder.stream().mapToLong(ConcertSales::capacity).sum();
        long pick = ThreadLocalRandom.current().nextLong(total);
        for (ConcertSales sales : inOrder) {
            pick -= sales.capacity();
            if (pick < 0) {
                return sales.concertId();
            }
        }
        return inOrder.getLast().concertId();
    }
}
