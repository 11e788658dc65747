package org.ticketoverflow.jobs;

import static org.ticketoverflow.jobs.Jobs.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker side of the {@code jobs} table: claims under a lease and their outcomes. Every state change names
 * its precondition in the WHERE clause, so concurrent nodes (and a worker that lost its lease) can never undo
 * each other's work: an update that finds its row changed simply matches nothing.
 */
@Repository
class Claims {

    // H2 applies LIMIT before SKIP LOCKED (PostgreSQL after), so on H2 a claim racing another may come back short.
    // Only kinds this node can handle: during a rolling deploy an older node must leave a newer kind alone.
    private static final String SELECT_DUE = """
            SELECT id, kind, subject, group_key, attempts, enqueued_at, run_at
            FROM jobs
            WHERE state = 'QUEUED'
              AND run_at <= :now
              AND kind IN (:kinds)
            ORDER BY lane, sort_key, id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    private static final String MARK_RUNNING = """
            UPDATE jobs
            SET state = 'RUNNING', lease_until = :leaseUntil, lease_owner = :owner, attempts = attempts + 1,
                dedupe_key = NULL
            WHERE id IN (:ids)
              AND state = 'QUEUED'
            """;

    private static final String EXTEND_LEASES = """
            UPDATE jobs
            SET lease_until = :leaseUntil
            WHERE id IN (:ids)
              AND state = 'RUNNING'
              AND lease_owner = :owner
            """;

    private static final String DELETE_DONE = """
            DELETE FROM jobs
            WHERE id = :id
              AND state = 'RUNNING'
              AND lease_owner = :owner
              AND attempts = :attempts
            """;

    private static final String RESCHEDULE = """
            UPDATE jobs
            SET state = 'QUEUED', run_at = :runAt, lease_until = NULL, lease_owner = NULL, last_error = :reason
            WHERE id = :id
              AND state = 'RUNNING'
              AND lease_owner = :owner
              AND attempts = :attempts
            """;

    private static final String FAIL = """
            UPDATE jobs
            SET state = 'FAILED', failed_at = :now, lease_until = NULL, lease_owner = NULL, last_error = :reason
            WHERE id = :id
              AND state = 'RUNNING'
              AND lease_owner = :owner
              AND attempts = :attempts
            """;

    // a release is not an attempt: a rolling deploy must not push jobs towards FAILED
    private static final String RELEASE = """
            UPDATE jobs
            SET state = 'QUEUED', lease_until = NULL, lease_owner = NULL, attempts = attempts - 1
            WHERE id IN (:ids)
              AND state = 'RUNNING'
              AND lease_owner = :owner
            """;

    private static final String REQUEUE_EXPIRED = """
            UPDATE jobs
            SET state = CASE WHEN attempts >= :maxAttempts THEN 'FAILED' ELSE 'QUEUED' END,
                failed_at = CASE WHEN attempts >= :maxAttempts THEN :now ELSE failed_at END,
                last_error = 'lease of ' || lease_owner || ' expired',
                lease_until = NULL,
                lease_owner = NULL
            WHERE state = 'RUNNING'
              AND lease_until < :now
            """;

    private final JdbcClient jdbc;

    Claims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due jobs of the given kinds in urgency order for {@code owner}, leased until
     * {@code now + lease}.
     */
    @Transactional
    List<ClaimedJob> claim(String owner, Collection<String> kinds, int limit, Instant now, Duration lease) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<ClaimedJob> due = jdbc.sql(SELECT_DUE)
                .param("now", timestamp(now))
                .param("kinds", kinds)
                .param("limit", limit)
                .query((row, number) -> claimed(row, owner))
                .list();
        if (due.isEmpty()) {
            return due;
        }
        int marked = jdbc.sql(MARK_RUNNING)
                .param("ids", due.stream().map(ClaimedJob::id).toList())
                .param("leaseUntil", timestamp(now.plus(lease)))
                .param("owner", owner)
                .update();
        if (marked != due.size()) {
            throw new ConcurrencyFailureException(
                    "claimed " + due.size() + " jobs but only " + marked + " were still queued");
        }
        return due;
    }

    int extendLeases(String owner, Collection<Long> ids, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql(EXTEND_LEASES)
                .param("ids", ids)
                .param("owner", owner)
                .param("leaseUntil", timestamp(leaseUntil))
                .update();
    }

    boolean complete(ClaimedJob job) {
        return ownedBy(jdbc.sql(DELETE_DONE), job).update() == 1;
    }

    boolean reschedule(ClaimedJob job, Instant runAt, String reason) {
        return ownedBy(jdbc.sql(RESCHEDULE), job)
                        .param("runAt", timestamp(runAt))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    boolean fail(ClaimedJob job, Instant now, String reason) {
        return ownedBy(jdbc.sql(FAIL), job)
                        .param("now", timestamp(now))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec ownedBy(JdbcClient.StatementSpec statement, ClaimedJob job) {
        return statement.param("id", job.id()).param("owner", job.owner()).param("attempts", job.attempts());
    }

    int release(String owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql(RELEASE).param("ids", ids).param("owner", owner).update();
    }

    int requeueExpired(Instant now, int maxAttempts) {
        return jdbc.sql(REQUEUE_EXPIRED)
                .param("now", timestamp(now))
                .param("maxAttempts", maxAttempts)
                .update();
    }

    private static ClaimedJob claimed(ResultSet row, String owner) throws SQLException {
        Job job = new Job(
                row.getLong("id"),
                row.getString("kind"),
                row.getString("subject"),
                row.getString("group_key"),
                row.getInt("attempts") + 1,
                row.getObject("enqueued_at", OffsetDateTime.class).toInstant());
        return new ClaimedJob(
                job, owner, row.getObject("run_at", OffsetDateTime.class).toInstant());
    }
}
