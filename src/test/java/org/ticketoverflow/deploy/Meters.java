package org.ticketoverflow.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The meters the application publishes (the project brief's metric table), with the Prometheus series each
 * one becomes. A name changed on one side must change here, in deploy/grafana and in docs/operations.md.
 */
record Meters(String micrometerName, String prometheusName, Type type, Map<String, Set<String>> tagValues) {

    enum Type {
        COUNTER,
        TIMER,
        SUMMARY,
        GAUGE
    }

    static final List<Meters> ALL = List.of(
            new Meters(
                    "ticketoverflow.purchases",
                    "ticketoverflow_purchases_total",
                    Type.COUNTER,
                    Map.of(
                            "outcome",
                            Set.of(
                                    "sold",
                                    "sold_out",
                                    "cancelled",
                                    "rejected",
                                    "shed",
                                    "failed",
                                    "replayed",
                                    "key_in_use"))),
            new Meters(
                    "ticketoverflow.purchase.duration",
                    "ticketoverflow_purchase_duration_seconds",
                    Type.TIMER,
                    Map.of()),
            new Meters(
                    "ticketoverflow.purchase.batch.size", "ticketoverflow_purchase_batch_size", Type.SUMMARY, Map.of()),
            new Meters(
                    "ticketoverflow.jobs.queued",
                    "ticketoverflow_jobs_queued",
                    Type.GAUGE,
                    Map.of("kind", Set.of("print", "seating"))),
            new Meters(
                    "ticketoverflow.jobs.wait",
                    "ticketoverflow_jobs_wait_seconds",
                    Type.TIMER,
                    Map.of("kind", Set.of("print", "seating"))),
            new Meters(
                    "ticketoverflow.jobs.completed",
                    "ticketoverflow_jobs_completed_total",
                    Type.COUNTER,
                    Map.of("kind", Set.of("print", "seating"), "outcome", Set.of("done", "retry", "failed"))),
            new Meters(
                    "ticketoverflow.jobs.predicted.misses",
                    "ticketoverflow_jobs_predicted_misses",
                    Type.GAUGE,
                    Map.of("kind", Set.of("print", "seating"))),
            new Meters(
                    "ticketoverflow.jobs.deadline.missed",
                    "ticketoverflow_jobs_deadline_missed_total",
                    Type.COUNTER,
                    Map.of("kind", Set.of("print", "seating"))),
            new Meters(
                    "ticketoverflow.render.duration",
                    "ticketoverflow_render_duration_seconds",
                    Type.TIMER,
                    Map.of("kind", Set.of("ticket", "seating"))),
            new Meters(
                    "ticketoverflow.prints",
                    "ticketoverflow_prints_total",
                    Type.COUNTER,
                    Map.of("outcome", Set.of("printed", "error", "rerendered"))),
            new Meters(
                    "ticketoverflow.seating.staleness",
                    "ticketoverflow_seating_staleness_seconds",
                    Type.GAUGE,
                    Map.of()),
            new Meters("http.server.requests", "http_server_requests_seconds", Type.TIMER, Map.of()));

    /** Prefixes of the JVM and process meters Spring Boot registers on its own. */
    static final List<String> STANDARD_PREFIXES = List.of("jvm_", "process_", "system_", "hikaricp_", "tomcat_");

    /** The series names this meter has in Prometheus; _bucket only when percentiles-histogram is on for it. */
    Set<String> series(Set<String> histogramMeters) {
        Set<String> series = new TreeSet<>();
        switch (type) {
            case COUNTER, GAUGE -> series.add(prometheusName);
            case TIMER, SUMMARY -> {
                for (String suffix : List.of("_count", "_sum", "_max")) {
                    series.add(prometheusName + suffix);
                }
                if (histogramMeters.contains(micrometerName)) {
                    series.add(prometheusName + "_bucket");
                }
            }
        }
        return series;
    }
}
