package org.ticketoverflow.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The producer and upkeep side of the {@code jobs} table: adding, re-dating, counting and purging jobs. The
 * worker side (claims and their outcomes) is {@link Claims}. Timestamps are bound as UTC {@link OffsetDateTime},
 * which both H2 and the PostgreSQL driver map to TIMESTAMP WITH TIME ZONE.
 */
@Repository
class Jobs {

    private static final String COLUMNS =
            "kind, subject, group_key, deadline_basis, state, run_at, deadline, enqueued_at, attempts, dedupe_key";
    private static final String INSERT = "INSERT INTO jobs (" + COLUMNS + ") VALUES "
            + "(:kind, :subject, :groupKey, :basis, 'QUEUED', :runAt, :deadline, :now, 0, :dedupeKey)";
    private static final String INSERT_UNLESS_WAITING = "INSERT INTO jobs (" + COLUMNS + ") "
            + "SELECT :kind, :subject, :groupKey, :basis, 'QUEUED', :runAt, :deadline, :now, 0, :dedupeKey "
            + "WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE dedupe_key = :dedupeKey)";

    private static final String HASTEN = """
            UPDATE jobs
            SET deadline = :deadline
            WHERE dedupe_key = :dedupeKey
              AND deadline > :deadline
            """;

    private static final String DELETE_FAILED_BEFORE = """
            DELETE FROM jobs
            WHERE state = 'FAILED'
              AND failed_at < :before
            """;

    private static final String WAITING_WITH_OTHER_BASIS = """
            SELECT id, enqueued_at
            FROM jobs
            WHERE kind = :kind
              AND group_key = :groupKey
              AND state = 'QUEUED'
              AND deadline_basis <> :basis
            """;

    private static final String REDATE = """
            UPDATE jobs
            SET deadline_basis = :basis, deadline = :deadline
            WHERE id = :id
              AND state = 'QUEUED'
            """;

    private static final String WAITING_BASES = """
            SELECT DISTINCT group_key, deadline_basis
            FROM jobs
            WHERE kind = :kind
              AND state = 'QUEUED'
              AND group_key IS NOT NULL
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

    private static final String FORECAST_WAITING = """
            SELECT id, kind, run_at, deadline
            FROM jobs
            WHERE state = 'QUEUED'
            ORDER BY deadline, id
            LIMIT :limit
            """;

    private static final String FORECAST_RUNNING = "SELECT kind FROM jobs WHERE state = 'RUNNING'";

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

    private JdbcClient.StatementSpec insertParameters(String sql, NewJob given, Instant now) {
        NewJob job = given.withDefaults(now);
        return jdbc.sql(sql)
                .param("kind", job.kind())
                .param("subject", job.subject())
                .param("groupKey", job.groupKey())
                .param("basis", job.basis())
                .param("runAt", timestamp(job.runAt()))
                .param("deadline", timestamp(job.deadline()))
                .param("now", timestamp(now))
                .param("dedupeKey", job.dedupeKey());
    }

    /** Moves the deadline of the waiting job holding the key earlier, never later. */
    int hasten(String dedupeKey, Instant deadline) {
        return jdbc.sql(HASTEN)
                .param("dedupeKey", dedupeKey)
                .param("deadline", timestamp(deadline))
                .update();
    }

    int deleteFailedBefore(Instant before) {
        return jdbc.sql(DELETE_FAILED_BEFORE).param("before", timestamp(before)).update();
    }

    /** Gives the group's waiting jobs whose basis differs this basis and the deadline computed from their age. */
    int redate(String kind, String groupKey, long basis, UnaryOperator<Instant> deadlineOfEnqueuedAt) {
        Map<Long, Instant> waiting = new HashMap<>();
        jdbc.sql(WAITING_WITH_OTHER_BASIS)
                .param("kind", kind)
                .param("groupKey", groupKey)
                .param("basis", basis)
                .query(row -> {
                    waiting.put(
                            row.getLong("id"),
                            row.getObject("enqueued_at", OffsetDateTime.class).toInstant());
                });
        int redated = 0;
        for (Map.Entry<Long, Instant> job : waiting.entrySet()) {
            redated += jdbc.sql(REDATE)
                    .param("id", job.getKey())
                    .param("basis", basis)
                    .param("deadline", timestamp(deadlineOfEnqueuedAt.apply(job.getValue())))
                    .update();
        }
        return redated;
    }

    /** The bases the waiting jobs of a kind hold, by group. */
    Map<String, Set<Long>> waitingBases(String kind) {
        Map<String, Set<Long>> bases = new TreeMap<>();
        jdbc.sql(WAITING_BASES).param("kind", kind).query(row -> {
            bases.computeIfAbsent(row.getString("group_key"), group -> new TreeSet<>())
                    .add(row.getLong("deadline_basis"));
        });
        return bases;
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

    /** The queue as the miss forecast needs it: up to {@code limit} waiting jobs, and the running ones. */
    MissForecast forecast(int limit) {
        List<MissForecast.Waiting> waiting = jdbc.sql(FORECAST_WAITING)
                .param("limit", limit)
                .query((row, number) -> new MissForecast.Waiting(
                        row.getLong("id"),
                        row.getString("kind"),
                        row.getObject("run_at", OffsetDateTime.class).toInstant(),
                        row.getObject("deadline", OffsetDateTime.class).toInstant()))
                .list();
        return new MissForecast(
                waiting, jdbc.sql(FORECAST_RUNNING).query(String.class).list());
    }

    /** PostgreSQL only: tells listening nodes when the current transaction commits. */
    void notifyListeners() {
        jdbc.sql(NOTIFY).update();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
