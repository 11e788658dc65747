package org.ticketoverflow.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Predicts which waiting jobs will finish after their deadline: plays the claim order forward on {@code slots}
 * worker slots, each job taking its kind's expected run time, running jobs holding their slot for half their
 * expected run (the average remainder). A job is predicted to miss if its simulated finish lies past its deadline.
 *
 * @param waiting the QUEUED jobs
 * @param running the kinds of the RUNNING jobs, one entry per job
 */
record MissForecast(List<Waiting> waiting, List<String> running) {

    record Waiting(long id, String kind, Instant runAt, Instant deadline) {}

    /** Predicted misses per kind (kinds with none are absent). */
    Map<String, Long> misses(Map<String, Duration> expected, Duration unknownKind, int slots, Instant now) {
        PriorityQueue<Instant> free = new PriorityQueue<>();
        running.forEach(kind ->
                free.add(now.plus(expected.getOrDefault(kind, unknownKind).dividedBy(2))));
        while (free.size() < slots) {
            free.add(now);
        }
        Map<String, Long> misses = new TreeMap<>();
        waiting.stream()
                .sorted(Comparator.comparing(
                                (Waiting job) -> job.deadline().minus(expected.getOrDefault(job.kind(), unknownKind)))
                        .thenComparingLong(Waiting::id))
                .forEach(job -> {
                    Instant slotFree = free.poll();
                    Instant start = slotFree.isAfter(job.runAt()) ? slotFree : job.runAt();
                    Instant finish = start.plus(expected.getOrDefault(job.kind(), unknownKind));
                    free.add(finish);
                    if (finish.isAfter(job.deadline())) {
                        misses.merge(job.kind(), 1L, Long::sum);
                    }
                });
        return misses;
    }
}
