package org.ticketoverflow.jobs;

import static org.ticketoverflow.jobs.Jobs.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code job_run_times} table: how long a job of each kind is expected to run, learned from measured runs as
 * an exponentially weighted moving average (each new measurement weighs 1/{@value #WEIGHT}), shared by all nodes.
 * A kind never measured is expected to take {@code ticketoverflow.jobs.initial-run-time}.
 */
@Repository
class RunTimes {

    static final int WEIGHT = 5;

    private static final String ALL = "SELECT kind, expected_ms FROM job_run_times";
    private static final String LEARN = """
            UPDATE job_run_times
            SET expected_ms = expected_ms + (:measured - expected_ms) / %d, samples = samples + 1, measured_at = :now
            WHERE kind = :kind
            """.formatted(WEIGHT);
    private static final String FIRST = """
            INSERT INTO job_run_times (kind, expected_ms, samples, measured_at)
            VALUES (:kind, :measured, 1, :now)
            """;

    private final JdbcClient jdbc;
    private final Duration initial;

    RunTimes(JdbcClient jdbc, JobsSettings settings) {
        this.jdbc = jdbc;
        this.initial = settings.initialRunTime();
    }

    /** The expected run time of each of the given kinds. */
    Map<String, Duration> expected(Collection<String> kinds) {
        Map<String, Duration> expected = new HashMap<>();
        kinds.forEach(kind -> expected.put(kind, initial));
        jdbc.sql(ALL).query(row -> {
            expected.put(row.getString("kind"), Duration.ofMillis(row.getLong("expected_ms")));
        });
        return expected;
    }

    Duration initial() {
        return initial;
    }

    /** Folds one measured run into its kind's average. */
    void learn(String kind, Duration measured, Instant now) {
        long millis = Math.max(0, measured.toMillis());
        if (update(LEARN, kind, millis, now) == 1) {
            return;
        }
        try {
            update(FIRST, kind, millis, now);
        } catch (DuplicateKeyException firstMeasuredConcurrently) {
            update(LEARN, kind, millis, now);
        }
    }

    private int update(String sql, String kind, long millis, Instant now) {
        return jdbc.sql(sql)
                .param("kind", kind)
                .param("measured", millis)
                .param("now", timestamp(now))
                .update();
    }
}
