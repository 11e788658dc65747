package org.ticketoverflow.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The producer and upkeep side of the {@code jobs} table: adding, re-sorting, counting and purging jobs. The
 * worker side (claims and their outcomes) is {@link Claims}. Timestamps are bound as UTC {@link OffsetDateTime},
 * which both H2 and the PostgreSQL driver map to TIMESTAMP WITH TIME ZONE.
 */
@Repository
class Jobs {

    private static final String INSERT = """
            INSERT INTO jobs (kind, subject, group_key, lane, sort_key, state, run_at, enqueued_at, attempts, dedupe_key)
            VALUES (:kind, :subject, :groupKey, :lane, :sortKey, 'QUEUED', :runAt, :now, 0, :dedupeKey)
            """;

    private static final String INSERT_UNLESS_WAITING = """
            INSERT INTO jobs (kind, subject, group_key, lane, sort_key, state, run_at, enqueued_at, attempts, dedupe_key)
            SELECT :kind, :subject, :groupKey, :lane, :sortKey, 'QUEUED', :runAt, :now, 0, :dedupeKey
            WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE dedupe_key = :dedupeKey)
            """;

    private static final String DELETE_FAILED_BEFORE = """
            DELETE FROM jobs
            WHERE state = 'FAILED'
              AND failed_at < :before
            """;

    private static final String RESORT = """
            UPDATE jobs
            SET sort_key = :sortKey
            WHERE kind = :kind
              AND group_key = :groupKey
              AND state = 'QUEUED'
            """;

    private static final String COUNT_WAITING_BY_KIND = """
            SELECT kind, COUNT(*) AS waiting
            FROM jobs
            WHERE state = 'QUEUED'
            GROUP BY kind
            """;

    private static final String EARLIEST_RUN_AT = """
            SELECT MIN(run_at)
            FROM jobs
            WHERE state = 'QUEUED'
              AND kind IN (:kinds)
            """;

    private static final String NOTIFY = "NOTIFY " + PostgresWakeups.CHANNEL;

    private final JdbcClient jdbc;

    Jobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewJob job, Instant now) {
        insertParameters(INSERT, job, now).update();
    }

    /** @return whether the job was added; a concurrent twin surfaces as a DuplicateKeyException */
    boolean insertUnlessWaiting(NewJob job, Instant now) {
        return insertParameters(INSERT_UNLESS_WAITING, job, now).update() == 1;
    }

    private JdbcClient.StatementSpec insertParameters(String sql, NewJob job, Instant now) {
        return jdbc.sql(sql)
                .param("kind", job.kind())
                .param("subject", job.subject())
                .param("groupKey", job.groupKey())
                .param("lane", job.lane())
                .param("sortKey", job.sortKey())
                .param("runAt", timestamp(job.runAt() == null ? now : job.runAt()))
                .param("now", timestamp(now))
                .param("dedupeKey", job.dedupeKey());
    }

    int deleteFailedBefore(Instant before) {
        return jdbc.sql(DELETE_FAILED_BEFORE).param("before", timestamp(before)).update();
    }

    int resort(String kind, String groupKey, long sortKey) {
        return jdbc.sql(RESORT)
                .param("kind", kind)
                .param("groupKey", groupKey)
                .param("sortKey", sortKey)
                .update();
    }

    Map<String, Long> countWaitingByKind() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(COUNT_WAITING_BY_KIND).query(row -> {
            counts.put(row.getString("kind"), row.getLong("waiting"));
        });
        return counts;
    }

    /** When the next waiting job of the given kinds falls due (maybe already). */
    Optional<Instant> earliestRunAt(Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(EARLIEST_RUN_AT)
                .param("kinds", kinds)
                .query((row, number) -> Optional.ofNullable(row.getObject(1, OffsetDateTime.class)))
                .single()
                .map(OffsetDateTime::toInstant);
    }

    /** PostgreSQL only: tells listening nodes when the current transaction commits. */
    void notifyListeners() {
        jdbc.sql(NOTIFY).update();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
